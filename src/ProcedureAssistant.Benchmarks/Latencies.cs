namespace ProcedureAssistant.Benchmarks;

/// <summary>Percentiles of measured latencies (nearest rank: p95 is the value 95 % of the measurements do not exceed).</summary>
internal sealed record Latencies(double P50, double P95, double P99, double Max, int Count)
{
    public static Latencies Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Latencies(0, 0, 0, 0, 0);
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latencies(At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Length);
    }
}
