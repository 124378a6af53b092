namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>Third-party data in ../shared beside the repository, read in place (never copied into it).</summary>
internal static class SharedData
{
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ProcedureAssistant.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException("ProcedureAssistant.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A folder under ../shared/benchmarks; the test is skipped, saying why, when it is not there.</summary>
    public static string Benchmark(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "benchmarks", name));
        if (!Directory.Exists(path))
        {
            Assert.Skip($"{path} is not present: these tests read the shared benchmark data in place.");
        }

        return path;
    }

    /// <summary>A file or folder under ../shared/realdata; the test is skipped, saying why, when it is not there.</summary>
    public static string RealData(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "realdata", relativePath));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"{path} is not present: these tests read the shared real data in place.");
        }

        return path;
    }
}
