using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>The CLI (<c>procedure-assistant.dll</c>, built with the tests) run as a separate process, with its output kept.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string AssemblyPath =>
        typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliAssembly").Value!;

    /// <summary>What the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var path = Path.GetFullPath(AssemblyPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CLI is not built at {path}; build the solution first.", path);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Runs the CLI to its end and returns it, its output complete.</summary>
    public static async Task<CliProcess> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var child = Start(arguments, environment ?? new Dictionary<string, string>());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await child._process.WaitForExitAsync(timeout.Token);
        return child;
    }

    /// <summary>Kills the process outright (SIGKILL on Linux: no clean-up code runs) and waits for it to go.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
