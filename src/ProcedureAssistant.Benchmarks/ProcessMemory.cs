using System.Globalization;

namespace ProcedureAssistant.Benchmarks;

/// <summary>Resident memory as the kernel reports it (<c>/proc/PID/status</c>), not an estimate.</summary>
internal static class ProcessMemory
{
    /// <summary>This process's resident set, in bytes.</summary>
    public static long Resident() => Resident("/proc/self/status") ?? 0;

    /// <summary>This process's peak resident set, in bytes.</summary>
    public static long Peak() => Field("/proc/self/status", "VmHWM:") ?? 0;

    public static long? Resident(string statusFile) => Field(statusFile, "VmRSS:");

    public static long? Peak(string statusFile) => Field(statusFile, "VmHWM:");

    private static long? Field(string statusFile, string name)
    {
        if (!File.Exists(statusFile))
        {
            return null;
        }

        var line = File.ReadLines(statusFile).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
