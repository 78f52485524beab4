package org.xenoscope.archfixture.good.lesson;

import org.xenoscope.archfixture.good.debug.Session;

/** Fixture: lesson sits on debug. */
public class Lesson {
    Session session;
}
