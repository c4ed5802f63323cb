using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Tests;

/// <summary>A report names the states it counts for what they are, and a meeting report quotes that name.</summary>
public sealed class ScopeDescriptionTests
{
    private static readonly StateOnDate Cuba = new("CUB", "Cuba", Member: true, Counted: false, "not participating");
    private static readonly StateOnDate Venezuela = new("VEN", "Venezuela", Member: true, Counted: false, "not participating");
    private static readonly StateOnDate Honduras = new("HND", "Honduras", Member: true, Counted: true, "suspended");
    private static readonly StateOnDate Mexico = new("MEX", "Mexico", Member: true, Counted: true, "participating");
    private static readonly StateOnDate Withdrawn = new("XXX", "Formerly", Member: false, Counted: false, "withdrawn");

    [Fact]
    public void One_state_left_out_is_named_with_the_reason()
    {
        Assert.Equal(
            "the 2 member states other than Cuba, whose government did not take part",
            ScopeDescription.Of(ReportScopeKind.CountedMembers, [Cuba, Honduras, Mexico]));
    }

    [Fact]
    public void Several_states_left_out_are_named_in_order_with_the_plural_reason()
    {
        Assert.Equal(
            "the 2 member states other than Cuba and Venezuela, whose governments did not take part",
            ScopeDescription.Of(ReportScopeKind.CountedMembers, [Venezuela, Mexico, Cuba, Honduras]));
    }

    [Fact]
    public void A_state_no_longer_a_member_is_neither_counted_nor_named()
    {
        Assert.Equal("all 2 member states", ScopeDescription.Of(ReportScopeKind.CountedMembers, [Honduras, Mexico, Withdrawn]));
        Assert.Equal("all 3 member states", ScopeDescription.Of(ReportScopeKind.AllMembers, [Cuba, Honduras, Mexico, Withdrawn]));
    }
}
