using BenchmarkDotNet.Running;
using ProcedureAssistant.Benchmarks;

// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- --filter '*'
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- load|first-answer|bombs --url http://127.0.0.1:5090 ... (see LoadDriver)
if (args.Length > 0 && args[0] is "load" or "first-answer" or "bombs")
{
    return await LoadDriver.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
