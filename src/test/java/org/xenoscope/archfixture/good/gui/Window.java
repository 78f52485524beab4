package org.xenoscope.archfixture.good.gui;

import javax.swing.JPanel;
import org.xenoscope.archfixture.good.lesson.Lesson;
import org.xenoscope.archfixture.good.machine.Machine;

/** Fixture: gui may use Swing and every layer below it. */
public class Window {
    JPanel panel;
    Lesson lesson;
    Machine machine;
}
