using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// The <c>province</c> of a question or search: absent means the deployment's own; present, it must name the default
/// province or one whose texts the index holds, else the request is answered 400 with a problem that names the field
/// and the provinces that may be named.
/// </summary>
internal static class ProvinceParameter
{
    public static async Task<(string? Key, ValidationProblem? Problem)> ResolveAsync(string? province, ProvinceCatalog provinces, CancellationToken cancellationToken)
    {
        if (province is null)
        {
            return (null, null);
        }

        if (await provinces.ResolveAsync(province, cancellationToken) is { } key)
        {
            return (key, null);
        }

        var known = string.Join(", ", await provinces.KnownAsync(cancellationToken));
        var reason = string.IsNullOrWhiteSpace(province)
            ? $"The province must not be blank: leave it out for the default ({provinces.Default}), or name one of: {known}."
            : $"'{province}' is not a province this service holds texts of; name one of: {known}.";
        return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["province"] = [reason] }));
    }
}
