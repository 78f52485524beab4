package org.xenoscope.archfixture.bad.asm;

import org.xenoscope.archfixture.bad.cli.Main;

/** Fixture: asm reaching up into cli. */
public class Assembler {
    Main main;
}
