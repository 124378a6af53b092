using System.Globalization;

namespace ProcedureAssistant.Cli;

/// <summary>Percentiles of per-query time (search, or answer), in milliseconds.</summary>
internal sealed record LatencySummary(double P50Ms, double P95Ms, double MaxMs)
{
    public static LatencySummary From(IReadOnlyList<double> latencies)
    {
        if (latencies.Count == 0)
        {
            return new LatencySummary(0, 0, 0);
        }

        var sorted = latencies.Order().ToArray();
        return new LatencySummary(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    public override string ToString() => ToString("search");

    public string ToString(string what) => string.Create(CultureInfo.InvariantCulture, $"{what}P50Ms={P50Ms:0.00} {what}P95Ms={P95Ms:0.00} {what}MaxMs={MaxMs:0.00}");

    // Nearest-rank percentile.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
