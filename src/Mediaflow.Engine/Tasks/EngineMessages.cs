namespace Mediaflow.Engine.Tasks;

/// <summary>Probe the task's input and dispatch its first nodes. Idempotent: a task past WAITING ignores it.</summary>
public sealed record StartTask(string TaskId);

/// <summary>Run one node of a task. Idempotent: a terminal node ignores it; a PROCESSING node (a crashed attempt) starts a new attempt.</summary>
public sealed record RunNode(string TaskId, int NodeIndex);

/// <summary>Deliver one outbox notification (at least once; the event id is stable across attempts).</summary>
public sealed record DeliverNotification(string EventId);
