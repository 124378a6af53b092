namespace ProcedureAssistant.Benchmarks;

/// <summary>The mean and p95 of one phase's milliseconds.</summary>
internal sealed record PhaseFigures(double Mean, double P95);
