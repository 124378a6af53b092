using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class AdminOpenApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenApi_DocumentEndpoints_DescribeTheFormAndTheResponses()
    {
        var document = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var (path, method, success) in new[] { ("/api/admin/documents", "post", "201"), ("/api/admin/documents/{id}", "put", "200") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            var form = operation.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
            Assert.Equal("#/components/schemas/DocumentUploadForm", form.GetProperty("$ref").GetString());
            Assert.Equal(
                "#/components/schemas/DocumentChangeResponse",
                operation.GetProperty("responses").GetProperty(success).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
            Assert.All(["400", "401", "403", "409", "413", "415", "503"], status => Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{method} {path} lacks {status}"));
        }

        var upload = schemas.GetProperty("DocumentUploadForm");
        Assert.Equal(["file"], upload.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(
            ["file", "id", "type", "title", "number", "code", "source", "effective"],
            upload.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("binary", schemas.GetProperty("IFormFile").GetProperty("format").GetString());

        var delete = paths.GetProperty("/api/admin/documents/{id}").GetProperty("delete").GetProperty("responses");
        Assert.Equal("#/components/schemas/DocumentChangeResponse", delete.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(delete.TryGetProperty("404", out _));
        Assert.Equal(
            "#/components/schemas/AdminDocumentStatus",
            paths.GetProperty("/api/admin/documents/{id}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }
}
