using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>Examples in the OpenAPI document, written as the objects they show so that they follow the contracts' names.</summary>
internal static class OpenApiExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Shows <paramref name="request"/> as the JSON body's example and <paramref name="response"/> as the example of each JSON success response.</summary>
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder route, object? request, object? response) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (request is not null && operation.RequestBody?.Content is { } body && body.TryGetValue("application/json", out var media))
            {
                media.Example = JsonSerializer.SerializeToNode(request, Json);
            }

            if (response is not null && operation.Responses is { } responses)
            {
                foreach (var (status, answer) in responses)
                {
                    if (status.StartsWith('2') && answer.Content is { } content)
                    {
                        foreach (var type in content.Values)
                        {
                            type.Example = response is string text ? JsonValue.Create(text) : JsonSerializer.SerializeToNode(response, Json);
                        }
                    }
                }
            }

            return Task.CompletedTask;
        });
}
