using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;

namespace ProcedureAssistant.Core.Tests.Indexing;

public sealed class SearchFilterTests
{
    private static readonly SearchFilter DeploymentScope = new() { Province = "dak-lak" };

    [Fact]
    public void Within_AQuestionThatNamesALevelOnly_KeepsTheScopesProvince()
    {
        var combined = SearchFilter.Within(new SearchFilter { Levels = ["tinh"] }, DeploymentScope);

        Assert.Equal("dak-lak", combined!.Province);
        Assert.Equal(["tinh"], combined.Levels);
    }

    [Fact]
    public void Within_AQuestionThatNamesAnotherProvince_SearchesThatProvince()
    {
        var combined = SearchFilter.Within(new SearchFilter { Province = "gia-lai" }, DeploymentScope);

        Assert.Equal("gia-lai", combined!.Province);
        Assert.Empty(combined.Levels);
    }

    [Fact]
    public void Within_NothingNamedAndNoScope_IsNoFilter()
    {
        Assert.Null(SearchFilter.Within(null, null));
        Assert.Null(SearchFilter.Within(new SearchFilter(), new SearchFilter()));
        Assert.Equal(DeploymentScope, SearchFilter.Within(null, DeploymentScope));
    }
}
