using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

public sealed class AdminDocumentEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_WithAnotherSource_ListsOnlyTheCorpusFoldersDocuments()
    {
        var catalogue = Directory.CreateTempSubdirectory("pa-admin-catalogue-");
        try
        {
            var record = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["ma_thu_tuc"] = "2.000001",
                ["ten_thu_tuc"] = "Cấp giấy phép thử",
                ["cap_thuc_hien"] = "Cấp tỉnh",
                ["linh_vuc"] = "Xây dựng",
                ["detail_url"] = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/2.000001",
            });
            await File.WriteAllTextAsync(Path.Combine(catalogue.FullName, "records.jsonl"), record + "\n", Token);
            await using var admin = await AdminTestApp.StartAsync(settings: new Dictionary<string, string> { ["Corpus:Sources:0:Path"] = catalogue.FullName, ["Corpus:Sources:0:Name"] = "national" });

            var listed = await admin.GetJsonAsync("/api/admin/documents");
            var indexed = await admin.GetJsonAsync("/api/procedures?field=xay%20dung&level=tinh");

            Assert.DoesNotContain(listed.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == "tthc-2.000001");
            Assert.All(listed.GetProperty("documents").EnumerateArray(), d => Assert.Equal("indexed", d.GetProperty("status").GetString()));
            var procedure = Assert.Single(indexed.GetProperty("documents").EnumerateArray());
            Assert.Equal("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/2.000001", procedure.GetProperty("source").GetString());
        }
        finally
        {
            catalogue.Delete(recursive: true);
        }
    }

    public static TheoryData<string> Formats => [.. UploadSamples.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Document_EachFormat_IsUploadedIndexedReplacedAndWithdrawn(string format)
    {
        await using var admin = await AdminTestApp.StartAsync();
        var first = UploadSamples.Create(format, 1);
        var second = UploadSamples.Create(format, 2);

        // Upload: stored under the folder of its type, then indexed by the queued job.
        using var created = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(first.FileName, first.Content, first.Fields));
        var upload = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, upload.ToString());
        Assert.Equal($"/api/admin/documents/{first.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(first.Id, upload.GetProperty("id").GetString());
        Assert.Equal(first.StoredAs, upload.GetProperty("fileName").GetString());
        var uploadedHash = AdminTestApp.Sha256(File.ReadAllBytes(Path.Combine(admin.CorpusPath, first.StoredAs)));
        Assert.Equal(uploadedHash, upload.GetProperty("contentHash").GetString());
        Assert.False(upload.GetProperty("reindex").GetProperty("afterRunningJob").GetBoolean());
        await admin.WaitForJobAsync(upload.GetProperty("reindex").GetProperty("job").GetString()!);
        var status = await admin.GetJsonAsync($"/api/admin/documents/{first.Id}");
        Assert.Equal("indexed", status.GetProperty("status").GetString());
        Assert.Equal(uploadedHash, status.GetProperty("contentHash").GetString());
        var indexed = await admin.GetJsonAsync($"/api/documents/{first.Id}");
        Assert.Equal(first.Title, indexed.GetProperty("document").GetProperty("title").GetString());

        // Replace: same id and file; the first version is kept in the withdrawn folder.
        using var replaced = await admin.SendAsync(HttpMethod.Put, $"/api/admin/documents/{first.Id}", AdminTestApp.Form(second.FileName, second.Content, second.Fields));
        var replacement = await replaced.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, replacement.ToString());
        Assert.Equal(first.StoredAs, replacement.GetProperty("fileName").GetString());
        var replacedHash = AdminTestApp.Sha256(File.ReadAllBytes(Path.Combine(admin.CorpusPath, first.StoredAs)));
        Assert.NotEqual(uploadedHash, replacedHash);
        Assert.Equal(replacedHash, replacement.GetProperty("contentHash").GetString());
        var previous = Path.Combine(admin.App.DataPath, replacement.GetProperty("archivedAs").GetString()!);
        Assert.Equal(uploadedHash, AdminTestApp.Sha256(File.ReadAllBytes(previous)));
        await admin.WaitForJobAsync(replacement.GetProperty("reindex").GetProperty("job").GetString()!);
        indexed = await admin.GetJsonAsync($"/api/documents/{first.Id}");
        Assert.Equal(second.Title, indexed.GetProperty("document").GetProperty("title").GetString());
        Assert.Contains(indexed.GetProperty("chunks").EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains(" 2", StringComparison.Ordinal));

        // Withdraw: the file leaves the corpus for the withdrawn folder, and the index after the job.
        using var deleted = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/documents/{first.Id}");
        var withdrawal = await deleted.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(deleted.StatusCode == HttpStatusCode.OK, withdrawal.ToString());
        Assert.False(File.Exists(Path.Combine(admin.CorpusPath, first.StoredAs)));
        var withdrawn = Path.Combine(admin.App.DataPath, withdrawal.GetProperty("archivedAs").GetString()!);
        Assert.StartsWith("withdrawn/", withdrawal.GetProperty("archivedAs").GetString(), StringComparison.Ordinal);
        Assert.Equal(replacedHash, AdminTestApp.Sha256(File.ReadAllBytes(withdrawn)));
        await admin.WaitForJobAsync(withdrawal.GetProperty("reindex").GetProperty("job").GetString()!);
        using (var gone = await admin.Client.GetAsync(new Uri($"/api/documents/{first.Id}", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using (var unknown = await admin.SendAsync(HttpMethod.Get, $"/api/admin/documents/{first.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // Audit: who (the key's fingerprint), what (action, id, file, hash), when; newest first.
        var audit = (await admin.GetJsonAsync("/api/admin/audit")).EnumerateArray().Where(e => e.GetProperty("target").GetString() == first.Id).ToList();
        Assert.Equal(["withdraw", "replace", "upload"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([replacedHash, replacedHash, uploadedHash], audit.Select(e => e.GetProperty("contentHash").GetString()));
        Assert.All(audit, e => Assert.Equal(first.StoredAs, e.GetProperty("fileName").GetString()));
        Assert.All(audit, e => Assert.Matches("^key:[0-9a-f]{16}$", e.GetProperty("actor").GetString()));
        Assert.True(audit[0].GetProperty("at").GetDateTimeOffset() >= audit[2].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Upload_ThenWithdraw_IsAnsweredThenNoLongerCited()
    {
        const string Question = "thủ tục cấp phép bến thủy nội địa cần hồ sơ gì";
        const string Id = "tthc-9.000003";
        var markdown = $"""
            ---
            id: {Id}
            type: procedure
            code: "9.000003"
            title: Cấp phép hoạt động bến thủy nội địa
            level: xa
            authority: UBND cấp xã
            ---
            # Cấp phép hoạt động bến thủy nội địa
            ## Thành phần hồ sơ
            - Đơn đề nghị cấp phép hoạt động bến thủy nội địa
            - Bản vẽ mặt bằng bến thủy nội địa
            ## Thời hạn giải quyết
            05 ngày làm việc.
            """;
        await using var admin = await AdminTestApp.StartAsync();
        Assert.DoesNotContain(Id, await CitedDocumentsAsync(admin, Question));

        using var created = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form("ben-thuy.md", UploadSamples.Utf8(markdown)));
        var upload = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        await admin.WaitForJobAsync(upload.GetProperty("reindex").GetProperty("job").GetString()!);
        Assert.Equal(Id, (await CitedDocumentsAsync(admin, Question)).FirstOrDefault());

        using var deleted = await admin.SendAsync(HttpMethod.Delete, $"/api/admin/documents/{Id}");
        var withdrawal = await deleted.Content.ReadFromJsonAsync<JsonElement>(Token);
        await admin.WaitForJobAsync(withdrawal.GetProperty("reindex").GetProperty("job").GetString()!);
        Assert.DoesNotContain(Id, await CitedDocumentsAsync(admin, Question));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Forbidden)]
    public async Task DocumentEndpoints_MissingOrWrongKey_AreRefusedAndChangeNothing(string? key, HttpStatusCode expected)
    {
        await using var admin = await AdminTestApp.StartAsync();
        var before = admin.CorpusFiles();
        var sample = UploadSamples.Create("txt", 1);

        (HttpMethod Method, string Url, HttpContent? Content)[] requests =
        [
            (HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields)),
            (HttpMethod.Put, "/api/admin/documents/tthc-1.001193", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields)),
            (HttpMethod.Delete, "/api/admin/documents/tthc-1.001193", null),
            (HttpMethod.Get, "/api/admin/documents/tthc-1.001193", null),
        ];
        foreach (var (method, url, content) in requests)
        {
            using var response = await admin.SendAsync(method, url, content, key);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before, admin.CorpusFiles());
        Assert.Empty((await admin.GetJsonAsync("/api/admin/audit")).EnumerateArray());
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413AndStoresNothing()
    {
        await using var admin = await AdminTestApp.StartAsync(settings: new Dictionary<string, string> { ["Admin:MaxUploadBytes"] = "2048" });
        var before = admin.CorpusFiles();

        using var response = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form("big.txt", new byte[200_000], ("type", "guide"), ("title", "Lớn")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains("Admin:MaxUploadBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2048, problem.GetProperty("maxUploadBytes").GetInt64());
        Assert.Equal(before, admin.CorpusFiles());
    }

    [Fact]
    public async Task Upload_OverTheLimitWithoutALength_IsRefusedWhileStreaming()
    {
        await using var admin = await AdminTestApp.StartAsync(settings: new Dictionary<string, string> { ["Admin:MaxUploadBytes"] = "2048" });
        var before = admin.CorpusFiles();
        const long Sent = 64L * 1024 * 1024;
        var file = new EndlessStream(Sent);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("guide"), "type");
        form.Add(new StringContent("Lớn"), "title");
        form.Add(new StreamContent(file), "file", "big.txt"); // not seekable: the body is sent chunked, with no length

        // The default test client buffers request bodies (to follow redirects); this one streams them.
        using var client = admin.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/admin/documents", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-Admin-Key", AdminTestApp.Key);

        using var response = await client.SendAsync(request, Token);

        Assert.Null(form.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(file.BytesRead < Sent / 2, $"{file.BytesRead} of {Sent} bytes were read before the refusal");
        Assert.Equal(before, admin.CorpusFiles());
    }

    [Fact]
    public async Task Documents_UnknownId_Is404()
    {
        await using var admin = await AdminTestApp.StartAsync();
        var sample = UploadSamples.Create("txt", 1);

        using var put = await admin.SendAsync(HttpMethod.Put, "/api/admin/documents/no-such-document", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields[..2]));
        using var delete = await admin.SendAsync(HttpMethod.Delete, "/api/admin/documents/no-such-document");
        using var get = await admin.SendAsync(HttpMethod.Get, "/api/admin/documents/no-such-document");

        Assert.All([put, delete, get], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Contains("no-such-document", await put.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(admin.CorpusPath, "regulations")));
    }

    [Fact]
    public async Task Upload_ExistingId_Is409AndKeepsTheFile()
    {
        await using var admin = await AdminTestApp.StartAsync();
        var before = admin.CorpusFiles();
        var birth = File.ReadAllText(Path.Combine(admin.CorpusPath, "tthc-1.001193.md")).Replace("Đăng ký khai sinh", "Bản khác", StringComparison.Ordinal);

        using var response = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form("khai-sinh.md", UploadSamples.Utf8(birth)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("tthc-1.001193.md", problem.GetProperty("fileName").GetString());
        Assert.Contains("PUT /api/admin/documents/tthc-1.001193", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, admin.CorpusFiles());
    }

    [Fact]
    public async Task Replace_WithADifferentId_Is400NamingTheId()
    {
        await using var admin = await AdminTestApp.StartAsync();
        var before = admin.CorpusFiles();
        var birth = File.ReadAllBytes(Path.Combine(admin.CorpusPath, "tthc-1.001193.md"));
        var sample = UploadSamples.Create("txt", 1);

        // The form's id differs from the route; then the file's own id does.
        using var byField = await admin.SendAsync(HttpMethod.Put, "/api/admin/documents/tthc-1.001193", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields));
        using var byFile = await admin.SendAsync(HttpMethod.Put, "/api/admin/documents/tthc-1.000894", AdminTestApp.Form("khai-sinh.md", birth));

        foreach (var (response, expected) in new[] { (byField, "replaces 'tthc-1.001193'"), (byFile, "the file says 'tthc-1.001193'") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Contains(expected, problem.GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, admin.CorpusFiles());
    }

    [Fact]
    public async Task Replace_AFileThatDoesNotParse_IsFoundByItsNameAndFixed()
    {
        var sample = UploadSamples.Create("md", 1);
        await using var admin = await AdminTestApp.StartAsync(corpus => File.WriteAllText(Path.Combine(corpus, sample.Id + ".md"), "---\ntitle: không có id\n---\n"));
        Assert.Equal("failed", (await admin.GetJsonAsync($"/api/admin/documents/{sample.Id}")).GetProperty("status").GetString());

        using var added = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(sample.FileName, sample.Content));
        using var replaced = await admin.SendAsync(HttpMethod.Put, $"/api/admin/documents/{sample.Id}", AdminTestApp.Form(sample.FileName, sample.Content));

        Assert.Equal(HttpStatusCode.Conflict, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var replacement = await replaced.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(sample.Id + ".md", replacement.GetProperty("fileName").GetString());
        await admin.WaitForJobAsync(replacement.GetProperty("reindex").GetProperty("job").GetString()!);
        Assert.Equal("indexed", (await admin.GetJsonAsync($"/api/admin/documents/{sample.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Replace_InAnotherFormat_WritesTheNewFileBesideTheOldAndRemovesIt()
    {
        await using var admin = await AdminTestApp.StartAsync();
        const string Record = """
            {
              "metadata": { "mã_thủ_tục": "1.001193", "tên_thủ_tục": "Đăng ký khai sinh (bản ghi quốc gia)", "cấp_thực_hiện": "Cấp Xã" },
              "content": { "cơ_quan_có_thẩm_quyền": "UBND cấp xã" }
            }
            """;

        using var response = await admin.SendAsync(HttpMethod.Put, "/api/admin/documents/tthc-1.001193", AdminTestApp.Form("khai-sinh.json", UploadSamples.Utf8(Record)));
        var replacement = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, replacement.ToString());
        Assert.Equal("tthc-1.001193.json", replacement.GetProperty("fileName").GetString());
        Assert.True(File.Exists(Path.Combine(admin.CorpusPath, "tthc-1.001193.json")));
        Assert.False(File.Exists(Path.Combine(admin.CorpusPath, "tthc-1.001193.md")));
        Assert.True(File.Exists(Path.Combine(admin.App.DataPath, replacement.GetProperty("archivedAs").GetString()!)));
        await admin.WaitForJobAsync(replacement.GetProperty("reindex").GetProperty("job").GetString()!);
        var document = await admin.GetJsonAsync("/api/documents/tthc-1.001193");
        Assert.Equal("Đăng ký khai sinh (bản ghi quốc gia)", document.GetProperty("document").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_WhileAReindexRuns_IsStoredAndReadByAFollowUpJob()
    {
        var gate = new IndexGate();
        await using var admin = await AdminTestApp.StartAsync(services: services =>
        {
            var index = services.Last(d => d.ServiceType == typeof(IChunkIndex));
            services.Remove(index);
            services.AddSingleton(sp => GatedChunkIndex.Wrap((IChunkIndex)index.ImplementationFactory!(sp), gate));
        });

        // A full re-index (the gate holds ReplaceAsync) that has read the corpus and now waits to write the index.
        gate.Close();
        using var started = await admin.SendAsync(HttpMethod.Post, "/api/admin/reindex", JsonContent.Create(new { mode = "full" }));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var running = started.Headers.Location!.OriginalString;
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(1), Token);

        var sample = UploadSamples.Create("txt", 1);
        using var created = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields));
        var upload = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(upload.GetProperty("reindex").GetProperty("afterRunningJob").GetBoolean());
        Assert.Equal(running, upload.GetProperty("reindex").GetProperty("job").GetString());
        Assert.True(File.Exists(Path.Combine(admin.CorpusPath, sample.StoredAs)));
        Assert.Equal("pending", (await admin.GetJsonAsync($"/api/admin/documents/{sample.Id}")).GetProperty("status").GetString());

        gate.Open();
        var missed = await admin.WaitForJobAsync(running);
        Assert.Equal(5, missed.GetProperty("result").GetProperty("documents").GetInt32()); // it read the corpus before the upload
        await admin.WaitForDocumentAsync(sample.Id, "indexed");
        var followUp = (await admin.GetJsonAsync("/api/admin/audit"))[0];
        Assert.Equal("reindex", followUp.GetProperty("action").GetString());
        Assert.Contains($"changes made during job {running["/api/admin/jobs/".Length..]}: upload {sample.Id}", followUp.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_List_ComparesTheCorpusWithTheLiveIndex()
    {
        await using var admin = await AdminTestApp.StartAsync();

        // Files changed on disk after the index was built: one added, one edited, one removed, one broken.
        var sample = UploadSamples.Create("md", 1);
        await File.WriteAllBytesAsync(Path.Combine(admin.CorpusPath, "added.md"), sample.Content, Token);
        await File.AppendAllTextAsync(Path.Combine(admin.CorpusPath, "nd-120-2025.md"), "\nThêm một đoạn.\n", Token);
        File.Delete(Path.Combine(admin.CorpusPath, "luat-65-2025-qh15.md"));
        await File.WriteAllTextAsync(Path.Combine(admin.CorpusPath, "broken.md"), "---\ntype: guide\n---\n", Token);

        var list = (await admin.GetJsonAsync("/api/admin/documents")).GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("sourcePath").GetString()!, d => (Status: d.GetProperty("status").GetString(), Reason: d.GetProperty("reason").GetString()));

        Assert.Equal(
            ["added.md", "broken.md", "guide-injection.md", "luat-65-2025-qh15.md", "nd-120-2025.md", "tthc-1.000894.md", "tthc-1.001193.md"],
            list.Keys);
        Assert.Equal(("pending", "stored; not in the live index yet"), list["added.md"]);
        Assert.Equal(("pending", "changed; the live index has an older version"), list["nd-120-2025.md"]);
        Assert.Equal(("pending", "withdrawn; still in the live index until the next re-index"), list["luat-65-2025-qh15.md"]);
        Assert.Equal("failed", list["broken.md"].Status);
        Assert.Contains("no 'id'", list["broken.md"].Reason, StringComparison.Ordinal);
        Assert.Equal(("indexed", null), list["tthc-1.001193.md"]);
    }

    [Fact]
    public async Task Documents_MissingCorpusFolder_Is503WithTheReason()
    {
        await using var admin = await AdminTestApp.StartAsync(waitUntilReady: false, corpusPath: Path.Combine(Path.GetTempPath(), "pa-no-such-corpus-" + Guid.NewGuid().ToString("N")));
        var sample = UploadSamples.Create("txt", 1);

        using var post = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields));
        using var delete = await admin.SendAsync(HttpMethod.Delete, "/api/admin/documents/tthc-1.001193");

        foreach (var response in new[] { post, delete })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString();
            Assert.Contains("does not exist (Corpus:Path)", detail, StringComparison.Ordinal);
        }

        Assert.Empty((await admin.GetJsonAsync("/api/admin/audit")).EnumerateArray());
    }

    [Fact]
    public async Task Upload_CorpusFolderNotWritable_Is503AndChangesNothing()
    {
        // 'regulations' is a file, so no file can be written below it (a permission test would not stop root).
        await using var admin = await AdminTestApp.StartAsync(corpus => File.WriteAllText(Path.Combine(corpus, "regulations"), "not a folder"));
        var before = admin.CorpusFiles();
        var sample = UploadSamples.Create("txt", 1);

        using var response = await admin.SendAsync(HttpMethod.Post, "/api/admin/documents", AdminTestApp.Form(sample.FileName, sample.Content, sample.Fields));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("cannot be written (Corpus:Path)", (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, admin.CorpusFiles());
        Assert.Empty((await admin.GetJsonAsync("/api/admin/audit")).EnumerateArray());
    }

    private static async Task<List<string>> CitedDocumentsAsync(AdminTestApp admin, string question)
    {
        using var response = await admin.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question }, Token);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return [.. answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("documentId").GetString()!)];
    }

    /// <summary>A non-seekable stream of <c>x</c> bytes that counts what is read from it.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
