package org.xenoscope.archfixture.good.cli;

import org.xenoscope.archfixture.good.asm.Loader;
import org.xenoscope.archfixture.good.gui.Window;
import org.xenoscope.archfixture.good.lesson.Lesson;

/** Fixture: cli may start the gui and use every layer below. */
public class Main {
    Window window;
    Lesson lesson;
    Loader loader;
}
