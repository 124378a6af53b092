using System.CommandLine;
using ProcedureAssistant.Cli;
using ProcedureAssistant.Cli.Commands;

var root = new RootCommand("ProcedureAssistant: hỏi đáp thủ tục hành chính và phân cấp chính quyền địa phương 2 cấp.")
{
    CliHost.CorpusOption,
    CliHost.DataOption,
    IngestCommand.Create(),
    AskCommand.Create(),
    SearchCommand.Create(),
    EvalCommand.Create(),
    TrainRerankerCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
