namespace ProcedureAssistant.Benchmarks;

/// <summary>Bytes of every file under a folder.</summary>
internal static class FolderSize
{
    public static long Of(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
