using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>Uploads that are refused; they share one app, and each test checks that the corpus did not change.</summary>
public sealed class AdminUploadValidationTests(AdminUploadValidationTests.Fixture fixture) : IClassFixture<AdminUploadValidationTests.Fixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        // file name, content, form fields (name=value;...), then the expected "status field: part of the message"
        { "virus.exe", "text", "type=guide;title=X", "415 file: '.exe' files are not accepted" },
        { "decree.pdf", "docx", "type=regulation;title=X", "415 file: it does not start with %PDF (it looks like a Word (.docx) document)" },
        { "decree.docx", "pdf", "type=regulation;title=X", "415 file: a Word document is a ZIP package and this is a PDF file" },
        { "decree.txt", "html", "type=regulation;title=X", "415 file: it is an HTML page; upload it as .html" },
        { "decree.txt", "text", "type=regulation", "400 title: give its title" },
        { "decree.txt", "text", "title=X", "400 type: give its type" },
        { "decree.txt", "text", "type=law;title=X", "400 type: 'law' is not one of regulation, procedure, guide" },
        { "decree.txt", "text", "type=guide;title=X;effective=01/07/2025", "400 effective: '01/07/2025' is not a date written as YYYY-MM-DD" },
        { "decree.txt", "text", "type=guide;title=X;id=ND 1", "400 id: the id 'ND 1' is not lower-case ASCII" },
        { "decree.txt", "text", "type=guide;titel=X", "400 titel: the form takes no field 'titel'" },
        { "decree.txt", "text", "type=guide;title=X;title=Y", "400 title: the field is given twice" },
        { "notes.md", "text", "", "400 file: no front matter" },
        { "khai-sinh.md", "birth", "id=khai-sinh", "400 id: the upload gives the id 'khai-sinh' but the file says 'tthc-1.001193'" },
        { "export.json", "text", "", "400 file: not a valid JSON record" },
        { "empty.txt", "empty", "type=guide;title=X", "400 file: the file is empty" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_Refused_NamesTheFieldAndChangesNothing(string fileName, string content, string fields, string expected)
    {
        var before = fixture.Admin.CorpusFiles();
        var pairs = fields.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Select(f => (f[0], f[1])).ToArray();

        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(fileName, Content(content), pairs));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var status = int.Parse(expected[..3], System.Globalization.CultureInfo.InvariantCulture);
        var field = expected[4..expected.IndexOf(':', StringComparison.Ordinal)];
        Assert.True((int)response.StatusCode == status, problem.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected[(expected.IndexOf(':', StringComparison.Ordinal) + 2)..], problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Admin.CorpusFiles());
    }

    [Fact]
    public async Task Upload_WithoutAFilePart_Is400NamingFile()
    {
        using var form = new MultipartFormDataContent { { new StringContent("guide"), "type" } };

        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("send the document in a 'file' part", problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Upload_NotMultipart_Is415()
    {
        using var json = new StringContent("""{"file":"x"}""", Encoding.UTF8, "application/json");
        using var none = new ByteArrayContent(Encoding.UTF8.GetBytes("Điều 1."));

        using var asJson = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", json);
        using var withoutType = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", none);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asJson.StatusCode);
        Assert.Equal("application/problem+json", asJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, withoutType.StatusCode);
        var problem = await withoutType.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains("multipart/form-data", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    private byte[] Content(string kind) => kind switch
    {
        "docx" => UploadFiles.Docx("Điều 1. Phạm vi"),
        "pdf" => UploadFiles.Pdf("Dieu 1. Pham vi"),
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>Điều 1.</p></body></html>"),
        "birth" => File.ReadAllBytes(Path.Combine(fixture.Admin.CorpusPath, "tthc-1.001193.md")),
        "empty" => [],
        _ => Encoding.UTF8.GetBytes("Điều 1. Phạm vi điều chỉnh"),
    };

    /// <summary>One app with the admin key over its own corpus copy.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public AdminTestApp Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Admin = await AdminTestApp.StartAsync();

        public ValueTask DisposeAsync() => Admin.DisposeAsync();
    }
}
