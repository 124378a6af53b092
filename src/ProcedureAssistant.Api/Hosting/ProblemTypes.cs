using Microsoft.AspNetCore.Mvc;
using ProcedureAssistant.Api.Admin;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// The stable <c>type</c> URIs of every ProblemDetails the service writes, for machines to branch on, and the titles a
/// person reads: Vietnamese on the public routes (the asking page shows them), English on the admin routes. Applied
/// to every ProblemDetails through <see cref="Customize"/>, so that a framework's own 400, 404, 405 or 415 gets them
/// too. docs/problems.md lists them.
/// </summary>
internal static class ProblemTypes
{
    private const string Prefix = "urn:procedure-assistant:problem:";

    public const string InvalidRequest = Prefix + "invalid-request";
    public const string AdminKeyRequired = Prefix + "admin-key-required";
    public const string AdminKeyRefused = Prefix + "admin-key-refused";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string Conflict = Prefix + "conflict";
    public const string RequestTooLarge = Prefix + "request-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string UploadTooLarge = Prefix + "upload-too-large";
    public const string UploadTooComplex = Prefix + "upload-too-complex";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string InternalError = Prefix + "internal-error";
    public const string IndexUnavailable = Prefix + "index-unavailable";
    public const string CorpusUnavailable = Prefix + "corpus-unavailable";
    public const string AuditUnavailable = Prefix + "audit-unavailable";
    public const string ServiceUnavailable = Prefix + "service-unavailable";

    /// <summary>Gives a problem its type (when it has none of ours) and, on a public route, its Vietnamese title.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Type is null || !problem.Type.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem.Type = ForStatus(status);
        }

        if (!context.HttpContext.Request.Path.StartsWithSegments(AdminKeyMiddleware.PathPrefix) && VietnameseTitle(problem.Type) is { } title)
        {
            problem.Title = title;
        }

        if (status >= 500 && problem.Type == InternalError)
        {
            problem.Detail = "Đã có lỗi ngoài dự kiến; vui lòng thử lại sau.";
        }
    }

    private static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidRequest,
        StatusCodes.Status401Unauthorized => AdminKeyRequired,
        StatusCodes.Status403Forbidden => AdminKeyRefused,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => RequestTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => UploadTooComplex,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        _ when status >= 500 => InternalError,
        _ => InvalidRequest,
    };

    private static string? VietnameseTitle(string type) => type switch
    {
        InvalidRequest => "Yêu cầu không hợp lệ",
        NotFound => "Không tìm thấy",
        MethodNotAllowed => "Phương thức không được hỗ trợ",
        RequestTooLarge => "Yêu cầu quá lớn",
        UnsupportedMediaType => "Kiểu nội dung không được hỗ trợ",
        TooManyRequests => "Bạn gửi quá nhiều yêu cầu",
        IndexUnavailable or ServiceUnavailable => "Dịch vụ tra cứu tạm thời chưa sẵn sàng",
        InternalError => "Đã có lỗi xảy ra",
        _ => null,
    };
}
