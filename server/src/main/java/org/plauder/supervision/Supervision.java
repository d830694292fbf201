package org.plauder.supervision;

import org.plauder.event.Watchers;

/** The parts of supervision a node shares between its bridge actions and its pushes. */
public record Supervision(Watchers monitoring, WhisperService whispers) {}
