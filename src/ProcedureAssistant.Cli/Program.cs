using System.CommandLine;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Cli;
using ProcedureAssistant.Cli.Commands;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;

var root = new RootCommand("ProcedureAssistant: hỏi đáp thủ tục hành chính và phân cấp chính quyền địa phương 2 cấp.")
{
    CliHost.CorpusOption,
    CliHost.SourceOption,
    CliHost.DataOption,
    IngestCommand.Create(),
    AskCommand.Create(),
    SearchCommand.Create(),
    EvalCommand.Create(),
    CalibrateSpellingCommand.Create(),
    TrainRerankerCommand.Create(),
    CommunesCommand.Create(),
    ImportCommunesCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is IndexUnavailableException or QdrantException or OptionsValidationException or DirectoryNotFoundException or FileNotFoundException or InvalidDataException)
{
    // Expected failures (a server down, a setting missing, a file not there) say what to do; a stack trace would bury it.
    await Console.Error.WriteLineAsync("Lỗi: " + ex.Message);
    return 1;
}
