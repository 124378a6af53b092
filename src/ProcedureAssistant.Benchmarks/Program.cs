using BenchmarkDotNet.Running;
using ProcedureAssistant.Benchmarks;

// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- --filter '*'
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- scale GRPC_ENDPOINT CHUNKS [QDRANT_PID] [PROVINCES]
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- api-memory GRPC_ENDPOINT ROUNDS...
if (args.Length > 0 && args[0] == "scale")
{
    return await ScaleRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "api-memory")
{
    return await ScaleRun.ApiMemoryAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
