using BenchmarkDotNet.Running;
using ProcedureAssistant.Benchmarks;

// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- --filter '*'
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- qdrant-clients REST_URL DATASET_DIR [ROUNDS]
if (args.Length > 0 && args[0] == "qdrant-clients")
{
    return await QdrantClientComparison.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
