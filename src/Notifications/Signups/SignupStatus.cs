namespace Reach.Notifications.Signups;

public enum SignupStatus
{
    Confirmed,
    Waiting,
    Cancelled,
}
