namespace Reach.Bot.Conversations;

/// <summary>A button: an id sent back when chosen, and its label. Channels without buttons number them.</summary>
public sealed record Choice(string Id, string Label);
