using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// Random and hostile input against every public endpoint, the admin endpoints and the upload formats (CsCheck, a
/// fixed number of cases each, shrunk to the smallest failing one): nothing is answered with a 5xx, and every case is
/// bounded in time (<see cref="CaseTimeout"/>) and leaves the managed heap below <see cref="HeapBound"/>. The whole
/// suite runs in about a minute on a quiet machine (its bound in CI: five). Not run beside other tests: the heap is
/// the process's, and other test classes' apps would be counted in it.
/// </summary>
[Collection(nameof(FuzzTests))]
[CollectionDefinition(nameof(FuzzTests), DisableParallelization = true)]
public sealed class FuzzTests(FuzzTests.Fixture fixture) : IClassFixture<FuzzTests.Fixture>
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);
    private const long HeapBound = 1L << 30;

    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", ""];

    // Pieces a JSON body is made of, and the values the ask contract finds hardest.
    private static readonly Gen<string> JsonNoise = Gen.Char["{}[]\":,0123456789.eE-+truefalsn\\ uqestionpkKT"].Array[0, 200].Select(chars => new string(chars));

    private static readonly Gen<string> AwkwardText = Gen.OneOf(
        Gen.String[0, 300],
        Gen.Char["\u0000\u0001\u001f\u007f\u200b\ufeff\ud800<>&'\"%\\/ đăâêôơưạ"].Array[0, 50].Select(chars => new string(chars)),
        Gen.Int[0, 3_000].Select(n => new string('a', n)),
        Gen.OneOf("khai sinh", "0912 345 678", "<script>alert(1)</script>", "../../etc/passwd", "%00", "'; DROP TABLE x; --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"));

    private static readonly Gen<string> JsonValue = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf("5.5", "1e400", "-0", "\"5\"", "null", "true", "[]", "{}", "99999999999999999999", "\"\"", new string('[', 80) + new string(']', 80)),
        AwkwardText.Select(text => System.Text.Json.JsonSerializer.Serialize(text)));

    private static readonly Gen<string> AskBody = Gen.OneOf(
        JsonNoise,
        Gen.Select(JsonValue, JsonValue, JsonValue, JsonValue, (question, persona, topK, conversation) =>
            $"{{\"question\":{question},\"persona\":{persona},\"topK\":{topK},\"conversationId\":{conversation}}}"),
        Gen.Select(AwkwardText, Gen.Int[0, 80], (question, cut) =>
        {
            var body = System.Text.Json.JsonSerializer.Serialize(new { question, topK = 5 });
            return body[..Math.Min(cut, body.Length)];
        }));

    private static readonly Gen<string> QueryValue = Gen.OneOf(
        AwkwardText.Select(Uri.EscapeDataString),
        Gen.OneOf("abc", "-1", "0", "5", "5.5", "1e9", "", "%", "%zz", "%00", "99999999999999999999"));

    private static readonly Gen<string> QueryString = Gen.Select(QueryValue, QueryValue, Gen.Int[0, 3], (q, top, shape) => shape switch
    {
        0 => $"?q={q}&top={top}",
        1 => $"?q={q}&q={q}",
        2 => $"?top={top}&top={top}&q={q}",
        _ => $"?q={q}&{q}={top}",
    });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public Task Ask_AnyBody_IsNeverA5xx() =>
        Gen.Select(AskBody, Gen.OneOf(ContentTypes), (body, type) => (body, type)).SampleAsync(
            async sample =>
            {
                using var content = new StringContent(sample.body, Encoding.UTF8);
                content.Headers.ContentType = sample.type.Length == 0 ? null : MediaTypeHeaderValue.Parse(sample.type);
                await AssertBoundedAsync(client => client.PostAsync(new Uri("/api/ask", UriKind.Relative), content, Case()));
            },
            iter: 150,
            threads: 2,
            print: sample => $"{sample.type}: {sample.body}");

    [Fact]
    public Task AskInvalidUtf8_AnyBytes_IsNeverA5xx() =>
        Gen.Byte.Array[0, 300].SampleAsync(
            async bytes =>
            {
                var body = Encoding.UTF8.GetBytes("{\"question\":\"").Concat(bytes).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                await AssertBoundedAsync(client => client.PostAsync(new Uri("/api/ask", UriKind.Relative), content, Case()));
            },
            iter: 100,
            threads: 2);

    [Fact]
    public Task SearchDocumentsAndProcedures_AnyQuery_IsNeverA5xx() =>
        Gen.Select(QueryString, QueryValue, Gen.Int[0, 3], (query, value, route) => route switch
        {
            0 => "/api/search" + query,
            1 => "/api/documents/" + value,
            2 => $"/api/procedures?level={value}&field={value}",
            _ => "/api/documents" + query,
        }).SampleAsync(
            async url => await AssertBoundedAsync(client => client.GetAsync(new Uri(url, UriKind.Relative), Case())),
            iter: 200,
            threads: 2);

    [Fact]
    public Task Admin_AnyRequest_IsNeverA5xx() =>
        Gen.Select(QueryValue, JsonValue, Gen.Int[0, 4], (value, json, route) => route switch
        {
            0 => (HttpMethod.Get, $"/api/admin/audit?last={value}", (string?)null),
            1 => (HttpMethod.Get, $"/api/admin/jobs/{value}", null),
            2 => (HttpMethod.Delete, $"/api/admin/jobs/{Guid.NewGuid()}", null),
            3 => (HttpMethod.Get, $"/api/admin/documents/{value}", null),
            _ => (HttpMethod.Post, "/api/admin/reindex", $"{{\"mode\":{json}}}"),
        }).SampleAsync(
            async request => await AssertBoundedAsync(async client =>
            {
                using var message = new HttpRequestMessage(request.Item1, new Uri(request.Item2, UriKind.Relative));
                message.Headers.Add("X-Admin-Key", AdminTestApp.Key);
                if (request.Item3 is { } body)
                {
                    message.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                return await client.SendAsync(message, Case());
            }),
            iter: 120,
            threads: 2,
            print: request => $"{request.Item1} {request.Item2} {request.Item3}");

    [Fact]
    public Task Upload_AnyFileOfAnAcceptedFormat_IsNeverA5xx()
    {
        var docx = UploadFiles.Docx("Điều 1. Phạm vi điều chỉnh", "Nội dung thử nghiệm.");
        var pdf = UploadFiles.Pdf("Dieu 1. Pham vi", "Noi dung thu nghiem");
        var html = Encoding.UTF8.GetBytes("<html><body><p>Điều 1. Nội dung</p></body></html>");
        var markdown = Encoding.UTF8.GetBytes("---\nid: fuzz-md\ntype: guide\ntitle: Hướng dẫn\n---\n# Hướng dẫn\nNội dung.\n");
        var seeds = new[] { docx, pdf, html, markdown, Encoding.UTF8.GetBytes("{\"a\":1}"), UploadFiles.Zip("word/document.xml", "<w:document/>") };

        // A valid file of each format with bytes overwritten or cut, or random bytes; under a random accepted extension.
        var content = Gen.OneOf(
            Gen.Byte.Array[1, 2_000],
            Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, 4_000], Gen.Byte, Gen.Int[0, 6], (seed, at, value, kind) =>
            {
                var bytes = seeds[seed].ToArray();
                var index = at % bytes.Length;
                return kind == 0 ? bytes[..Math.Max(1, index)] : Overwrite(bytes, index, value, kind);
            }));
        var extension = Gen.OneOf(".md", ".json", ".txt", ".html", ".htm", ".docx", ".pdf");
        return Gen.Select(content, extension, Gen.Int[0, 1_000_000], (bytes, ext, n) => (bytes, ext, n)).SampleAsync(
            async sample => await AssertBoundedAsync(
                async client =>
                {
                    using var form = AdminTestApp.Form("fuzz" + sample.ext, sample.bytes, ("type", "guide"), ("title", "Hướng dẫn thử " + sample.n), ("id", "fuzz-" + sample.n));
                    using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/admin/documents", UriKind.Relative)) { Content = form };
                    message.Headers.Add("X-Admin-Key", AdminTestApp.Key);
                    return await client.SendAsync(message, Case());
                },
                fixture.Uploads.Client),
            iter: 80,
            threads: 2,
            print: sample => $"{sample.ext} {sample.bytes.Length} bytes");
    }

    public static TheoryData<string> Bombs => ["zip bomb 1 GiB", "zip lying about its size", "html nested 300,000 deep", "ask body 30 MB", "upload 11 MB"];

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task Bomb_IsRefusedWithinItsBounds(string bomb)
    {
        var url = bomb.StartsWith("ask", StringComparison.Ordinal) ? "/api/ask" : "/api/admin/documents";

        // The bomb is made inside the request and dropped with it: the heap measured after the reply is the app's, not
        // the test's own payload (the 30 MB body alone is some 90 MB of string and bytes).
        var status = await AssertBoundedAsync(
            async client =>
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = Bomb(bomb) };
                message.Headers.Add("X-Admin-Key", AdminTestApp.Key);
                return await client.SendAsync(message, Case());
            },
            fixture.Uploads.Client);

        Assert.Contains(status, RefusalStatuses);
    }

    private static HttpContent Bomb(string bomb) => bomb switch
    {
        "zip bomb 1 GiB" => Form("bomb.docx", UploadBombs.Docx(1L << 30)),
        "zip lying about its size" => Form("liar.docx", UploadBombs.DocxDeclaringSmallerSize(200_000_000)),
        "html nested 300,000 deep" => Form("deep.html", UploadBombs.NestedHtml(300_000)),
        "ask body 30 MB" => new StringContent("{\"question\":\"" + new string('a', 30_000_000) + "\"}", Encoding.UTF8, "application/json"),
        _ => Form("big.txt", Encoding.UTF8.GetBytes(new string('a', 11 * 1024 * 1024))),
    };

    private static readonly HttpStatusCode[] RefusalStatuses = [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity];

    private static MultipartFormDataContent Form(string fileName, byte[] content) =>
        AdminTestApp.Form(fileName, content, ("type", "regulation"), ("title", "Nghị định bom"), ("id", "bom-" + Path.GetFileNameWithoutExtension(fileName)));

    private static byte[] Overwrite(byte[] bytes, int index, byte value, int count)
    {
        for (var i = 0; i < count && index + (i * 97) < bytes.Length; i++)
        {
            bytes[index + (i * 97)] = value;
        }

        return bytes;
    }

    private static CancellationToken Case()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(CaseTimeout);
        return timeout.Token;
    }

    private async Task<HttpStatusCode> AssertBoundedAsync(Func<HttpClient, Task<HttpResponseMessage>> send, HttpClient? client = null)
    {
        HttpResponseMessage sent;
        try
        {
            sent = await send(client ?? fixture.Reader.Client);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // A NUL in the path: the test host refuses it before the app, as Kestrel does with a 400.
            return HttpStatusCode.BadRequest;
        }

        using var response = sent;
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        // What the bound is about is memory held, not garbage awaiting a collection: over the bound, it is measured
        // again after a full collection.
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        Assert.InRange(heap <= HeapBound ? heap : GC.GetTotalMemory(forceFullCollection: true), 0, HeapBound);
        return response.StatusCode;
    }

    /// <summary>A ready app to read from, and another that takes uploads (its corpus grows as the fuzz adds files).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public AdminTestApp Reader { get; private set; } = null!;

        public AdminTestApp Uploads { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Reader = await AdminTestApp.StartAsync();
            Uploads = await AdminTestApp.StartAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Reader.DisposeAsync();
            await Uploads.DisposeAsync();
        }
    }
}
