namespace Reach.Content.Model;

/// <summary>How people get to a service.</summary>
public enum Access
{
    WalkIn,
    Appointment,
    Both,
    OnRequest,
}
