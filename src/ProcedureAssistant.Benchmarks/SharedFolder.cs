namespace ProcedureAssistant.Benchmarks;

/// <summary>The repository root and the shared data folder beside it (<c>../shared</c>; <c>SHARED_DIR</c> overrides).</summary>
internal static class SharedFolder
{
    public static string Repository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProcedureAssistant.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (ProcedureAssistant.sln) was not found above the benchmark.");
    }

    public static string Shared()
    {
        var shared = Environment.GetEnvironmentVariable("SHARED_DIR") ?? Path.GetFullPath(Path.Combine(Repository(), "..", "shared"));
        return Directory.Exists(Path.Combine(shared, "benchmarks"))
            ? shared
            : throw new DirectoryNotFoundException($"{shared}/benchmarks was not found; set SHARED_DIR.");
    }
}
