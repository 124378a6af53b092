using System.CommandLine;
using System.Globalization;
using ProcedureAssistant.Core.Communes;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>import-communes --from DIR [--out FILE]</c>: derives the commune data file the service ships
/// (<c>src/ProcedureAssistant.Core/Communes/Data/communes.tsv</c>) from the dvhcvn mapping folder
/// (<c>../shared/realdata/communes</c>), and says how many new communes got their resolution's article and how
/// many of those the mapping confirms.
/// </summary>
internal static class ImportCommunesCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "Thư mục dữ liệu dvhcvn (mapping/, input/docs/, SOURCE_COMMIT).", Required = true };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Tệp dữ liệu ghi ra (mặc định: src/ProcedureAssistant.Core/Communes/Data/communes.tsv).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "ProcedureAssistant.Core", "Communes", "Data", "communes.tsv")),
        };
        var command = new Command("import-communes", "Tạo tệp dữ liệu xã, phường cũ → mới từ bộ mapping dvhcvn (MIT).") { from, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(from)!;
            if (!File.Exists(Path.Combine(folder.FullName, "mapping", "splits.json")))
            {
                throw new DirectoryNotFoundException($"'{folder.FullName}' holds no mapping/splits.json: give the dvhcvn folder (../shared/realdata/communes).");
            }

            var commitFile = Path.Combine(folder.FullName, "SOURCE_COMMIT");
            var commit = File.Exists(commitFile) ? (await File.ReadAllTextAsync(commitFile, cancellationToken).ConfigureAwait(false)).Trim() : "unknown";
            var result = CommuneMappingImporter.Import(folder.FullName, commit);
            var target = parse.GetValue(output)!;
            target.Directory?.Create();
            await File.WriteAllTextAsync(target.FullName, result.Text, cancellationToken).ConfigureAwait(false);
            foreach (var missing in result.Missing)
            {
                CliHost.Status.MarkupLineInterpolated($"[yellow]Không tìm thấy khoản[/] {missing}");
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"newCommunes={result.NewCommunes} withArticle={result.WithArticle} confirmedByMapping={result.Checked} file={target.FullName}"));
            return 0;
        });
        return command;
    }
}
