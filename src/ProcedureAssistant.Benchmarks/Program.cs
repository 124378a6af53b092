using BenchmarkDotNet.Running;

// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
