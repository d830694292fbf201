package org.plauder.supervision;

/** The parts of supervision a node shares between its bridge actions and its pushes. */
public record Supervision(Monitoring monitoring, WhisperService whispers) {}
