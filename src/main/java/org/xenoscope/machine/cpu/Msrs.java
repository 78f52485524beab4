package org.xenoscope.machine.cpu;

/** Placeholder: being written (model-specific registers). */
final class Msrs {
}
