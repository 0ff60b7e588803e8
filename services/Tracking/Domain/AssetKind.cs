namespace CreatorMeta.Tracking.Domain;

public enum AssetKind { Photo, Video, Short, Reel, Story, Carousel, Text }

/// <summary>Lifecycle: draft → approved → published → archived.</summary>
public enum AssetStatus { Draft, Approved, Published, Archived }

public enum PublicationSource { Scheduled, Manual, Imported }

public enum PublicationStatus { Live, Removed }
