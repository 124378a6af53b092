using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// A Qdrant server (<c>QDRANT_URL</c>) holding one point per chunk: the BM25 sparse vector the project's Qdrant
/// backend writes (<see cref="Bm25SparseEncoder"/>: saturated term frequencies, the collection's IDF modifier) and
/// the chunk's record as payload (kept on disk, Qdrant's own default), read back for every hit. Batches of 256 points,
/// each upsert waited for. With <c>QDRANT_DIR</c> (the folder <c>run-qdrant.sh</c> was given) the benchmark reads the
/// server's resident memory and the collection's files, and measures the load time by restarting the server.
/// </summary>
internal sealed class QdrantEngine(Uri url, string collection, string? serverFolder, string? startScript) : IScaleEngine
{
    private const int Batch = 256;
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };

    public string Name => "qdrant";

    public async Task IngestAsync(ScaleCorpus corpus, int chunks, CancellationToken cancellationToken)
    {
        await _http.DeleteAsync($"/collections/{collection}", cancellationToken);
        var create = await _http.PutAsJsonAsync(
            $"/collections/{collection}",
            new JsonObject { ["sparse_vectors"] = new JsonObject { ["bm25"] = new JsonObject { ["modifier"] = "idf" } }, ["on_disk_payload"] = true },
            cancellationToken);
        create.EnsureSuccessStatusCode();
        var encoder = new Bm25SparseEncoder(Bm25Parameters.Default, corpus.AverageLength(chunks));
        var points = new JsonArray();
        var id = 0;
        foreach (var chunk in corpus.Chunks(chunks))
        {
            var vector = encoder.Document(chunk.Terms);
            points.Add(new JsonObject
            {
                ["id"] = id++,
                ["vector"] = new JsonObject { ["bm25"] = Sparse(vector) },
                ["payload"] = new JsonObject { ["chunk"] = JsonSerializer.Serialize(chunk.Chunk) },
            });
            if (points.Count == Batch)
            {
                await UpsertAsync(points, cancellationToken);
                points = [];
            }
        }

        if (points.Count > 0)
        {
            await UpsertAsync(points, cancellationToken);
        }

        await WaitGreenAsync(cancellationToken);
    }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        // Without the server's folder the server cannot be restarted from here: the collection is already loaded.
        if (serverFolder is null || startScript is null)
        {
            return;
        }

        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(serverFolder, "qdrant.pid"), cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        using (var server = Process.GetProcessById(pid))
        {
            server.Kill();
            await server.WaitForExitAsync(cancellationToken);
        }

        using var start = Process.Start(new ProcessStartInfo("bash", [startScript, serverFolder, url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true })!;
        await start.WaitForExitAsync(cancellationToken);

        // Loaded when a search over the collection answers.
        var probe = new QueryTerms(new Dictionary<string, float> { ["thủ"] = 1 }, true);
        while (true)
        {
            try
            {
                if ((await SearchAsync(probe, 1, cancellationToken)).Count > 0)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["query"] = Sparse(Bm25SparseEncoder.Query(query)),
            ["using"] = "bm25",
            ["limit"] = limit,
            ["with_payload"] = true,
        };
        using var response = await _http.PostAsJsonAsync($"/collections/{collection}/points/query", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.GetProperty("result").GetProperty("points").EnumerateArray()
            .Select(p => JsonSerializer.Deserialize<Chunk>(p.GetProperty("payload").GetProperty("chunk").GetString()!)!.Id)
            .ToList();
    }

    /// <summary>The server's resident memory in bytes, or null without <c>QDRANT_DIR</c>.</summary>
    public long? ResidentBytes()
    {
        if (serverFolder is null)
        {
            return null;
        }

        var pid = File.ReadAllText(Path.Combine(serverFolder, "qdrant.pid")).Trim();
        return ProcessMemory.Resident($"/proc/{pid}/status");
    }

    public long? DiskBytes() => serverFolder is null ? null : FolderSize.Of(Path.Combine(serverFolder, "storage", "collections", collection));

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static JsonObject Sparse(SparseTermVector vector) => new()
    {
        ["indices"] = new JsonArray([.. vector.Indices.Select(i => (JsonNode)i)]),
        ["values"] = new JsonArray([.. vector.Values.Select(v => (JsonNode)v)]),
    };

    // On a loaded machine the server may drop a connection that sends its body too slowly: a batch is sent again
    // (an upsert of the same ids is idempotent), at most five times.
    private async Task UpsertAsync(JsonArray points, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["points"] = points }.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await _http.PutAsync($"/collections/{collection}/points?wait=true", content, cancellationToken);
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    private async Task WaitGreenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var json = JsonDocument.Parse(await _http.GetStringAsync($"/collections/{collection}", cancellationToken));
            if (json.RootElement.GetProperty("result").GetProperty("status").GetString() == "green")
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
