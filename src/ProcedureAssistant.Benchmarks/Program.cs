using BenchmarkDotNet.Running;
using ProcedureAssistant.Benchmarks;

// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- --filter '*'                    (BenchmarkDotNet)
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- scale --chunks N [--engines ...]  (eval/reports/scale.md)
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- qdrant-scale GRPC_ENDPOINT CHUNKS [QDRANT_PID] [PROVINCES]  (eval/reports/backends.md)
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- api-memory GRPC_ENDPOINT ROUNDS...
// dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- load|first-answer|bombs --url http://127.0.0.1:5090 ... (see LoadDriver)
if (args.Length > 0 && args[0] is "load" or "first-answer" or "bombs")
{
    return await LoadDriver.RunAsync(args);
}

if (args.Length > 0 && args[0] == "qdrant-scale")
{
    return await ScaleRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "api-memory")
{
    return await ScaleRun.ApiMemoryAsync(args[1..]);
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var arguments = new Arguments(args.Skip(1).ToList());
    return args.FirstOrDefault() switch
    {
        "scale" => await ScaleCommand.RunAsync(arguments, cancellation.Token),
        "serve" => await ServeCommand.RunAsync(arguments, cancellation.Token),
        "reindex" => await ReindexCommand.RunAsync(arguments, cancellation.Token),
        "plot" => await PlotCommand.RunAsync(arguments, cancellation.Token),
        _ => Run(args),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args);
    return 0;
}
