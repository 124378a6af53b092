namespace ProcedureAssistant.Api.Contracts;

/// <summary>A province a question may be asked for.</summary>
/// <param name="Key">What <c>province</c> takes in <c>POST /api/ask</c> (<c>dak-lak</c>).</param>
/// <param name="Name">Its name as written today ("Đắk Lắk").</param>
public sealed record ProvinceResponse(string Key, string Name);
