package org.xenoscope.archfixture.bad.cli;

import org.xenoscope.archfixture.bad.asm.Assembler;

/** Fixture: a legal cli-to-asm use. */
public class Main {
    Assembler assembler;
}
