using System.CommandLine;
using ProcedureAssistant.Core.Communes;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>communes "&lt;name&gt;" [--province P] [--json]</c>: the commune lookup. An old or new commune's name,
/// diacritics optional, gives every commune it can be: an old one with the new commune(s) it went into, a new
/// one with the old communes it was made of, each with the resolution and article. <c>--json</c> prints the
/// shape of <c>GET /api/communes</c>.
/// </summary>
internal static class CommunesCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Tên xã, phường, thị trấn, đặc khu (cũ hoặc mới), có dấu hoặc không." };
        var province = new Option<string?>("--province") { Description = "Chỉ tìm trong tỉnh này (tỉnh cũ hoặc tỉnh hiện nay)." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON như API." };
        name.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(name)))
            {
                result.AddError("The name must not be empty.");
            }
        });
        var command = new Command("communes", "Tra cứu xã, phường trước và sau sắp xếp 2025.") { name, province, json };
        command.SetAction(parse =>
        {
            var query = parse.GetValue(name)!;
            var matches = CommuneDirectory.LoadDefault().Find(query, parse.GetValue(province));
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    query,
                    matches = matches.Select(m => new
                    {
                        name = m.Name,
                        matchedAs = m.IsOld ? "old" : "new",
                        oldProvince = m.OldProvince,
                        district = m.District,
                        province = m.Province,
                        newCommunes = m.NewCommunes.Select(n => new { name = n.Name, province = n.Province, resolution = n.Resolution, article = n.Article, partial = n.Partial }),
                        oldCommunes = m.OldCommunes,
                        code = m.Code,
                        resolution = m.Resolution,
                        article = m.Article,
                    }),
                });
                return 0;
            }

            if (matches.Count == 0)
            {
                Console.WriteLine($"Không tìm thấy xã, phường nào tên \"{query}\".");
                return 0;
            }

            foreach (var match in matches)
            {
                Console.WriteLine(match.IsOld
                    ? $"{match.Name} (trước 01/7/2025, {(match.District is null ? string.Empty : match.District + ", ")}{match.OldProvince}) → {string.Join("; ", match.NewCommunes.Select(n => $"{n.Name}, {n.Province}{(n.Partial ? " (một phần)" : string.Empty)}{Basis(n.Resolution, n.Article)}"))}"
                    : $"{match.Name}, {match.Province} (từ 01/7/2025){Basis(match.Resolution, match.Article)}: gồm {string.Join(", ", match.OldCommunes)}");
            }

            return 0;
        });
        return command;
    }

    private static string Basis(string? resolution, string? article) =>
        resolution is null ? string.Empty : $" — Nghị quyết {resolution}{(article is null ? string.Empty : ", " + article)}";
}
