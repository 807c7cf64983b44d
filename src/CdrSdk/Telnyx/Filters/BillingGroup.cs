namespace CdrSdk.Telnyx;

/// <summary>Criteria on the billing group (<c>billing_group</c>). API v2 only.</summary>
public static class BillingGroup
{
    /// <summary>Records of the billing group with this id.</summary>
    /// <param name="billingGroupId">The billing group id.</param>
    /// <returns>The criterion.</returns>
    public static FilterCriterion Is(string billingGroupId) => FilterCriterion.ForBillingGroup(billingGroupId);
}
