package org.xenoscope.machine.cpu.diff;

import java.util.Random;
import java.util.Set;

/**
 * The table of instruction kinds with their weights, and the item generator that draws from it. A kind's
 * generator either completes an item on its {@link Ctx} and returns true, or returns false (its preconditions
 * do not hold now: a flag it reads is undefined, the stack is full...) and the item is drawn again.
 */
final class Kinds {
    private Kinds() {
    }

    /** One kind: a name for statistics, a weight, whether it may be skipped by a branch, and its generator. */
    record Kind(String name, int weight, boolean nestable, Gen gen) {
    }

    @FunctionalInterface
    interface Gen {
        boolean generate(Ctx c);
    }

    static final Kind[] ALL = {
        new Kind("alu", 14, true, AluKinds::binary),
        new Kind("test", 3, true, AluKinds::test),
        new Kind("incdec", 4, true, AluKinds::incDec),
        new Kind("negnot", 3, true, AluKinds::negNot),
        new Kind("mul", 4, true, MulDivKinds::multiplyOne),
        new Kind("imul", 4, true, MulDivKinds::multiplyMany),
        new Kind("div", 5, true, MulDivKinds::divide),
        new Kind("bcd", 3, true, BcdKinds::adjust),
        new Kind("bound", 2, true, CheckKinds::bound),
        new Kind("arpl", 2, true, CheckKinds::arpl),
        new Kind("shift", 12, true, ShiftKinds::shift),
        new Kind("shxd", 5, true, ShiftKinds::doubleShift),
        new Kind("bt", 5, true, BitKinds::bitTest),
        new Kind("bsf", 3, true, BitKinds::bitScan),
        new Kind("bswap", 1, true, BitKinds::bswap),
        new Kind("setcc", 3, true, BitKinds::setcc),
        new Kind("cmovcc", 3, true, BitKinds::cmovcc),
        new Kind("mov", 5, true, MoveKinds::mov),
        new Kind("movx", 3, true, MoveKinds::movExtend),
        new Kind("lea", 2, true, MoveKinds::lea),
        new Kind("xchg", 2, true, MoveKinds::xchg),
        new Kind("xadd", 2, true, MoveKinds::xadd),
        new Kind("cmpxchg", 2, true, MoveKinds::cmpxchg),
        new Kind("cmpxchg8b", 1, true, MoveKinds::cmpxchg8b),
        new Kind("convert", 2, true, MoveKinds::convert),
        new Kind("xlat", 1, true, MoveKinds::xlat),
        new Kind("nop", 1, true, MoveKinds::nop),
        new Kind("sreg_from", 1, true, SregKinds::movFrom),
        new Kind("sreg_to", 1, true, SregKinds::movTo),
        new Kind("sreg_stack", 1, false, SregKinds::pushPop),
        new Kind("lfar", 1, true, SregKinds::loadFar),
        new Kind("string", 8, true, StringKinds::string),
        new Kind("push", 3, false, StackKinds::push),
        new Kind("pop", 3, false, StackKinds::pop),
        new Kind("pusha", 1, false, StackKinds::pushPopAll),
        new Kind("pushf", 1, false, StackKinds::pushf),
        new Kind("popf", 2, false, StackKinds::popf),
        new Kind("enter", 1, false, StackKinds::enter),
        new Kind("leave", 1, false, StackKinds::leave),
        new Kind("flagop", 3, true, StackKinds::flagOp),
        new Kind("lahf", 2, true, StackKinds::lahfSahf),
        new Kind("branch", 4, false, BranchKinds::branch),
        new Kind("call", 2, false, BranchKinds::call),
        new Kind("loop_back", 2, false, BranchKinds::backwardLoop),
        new Kind("smc", 1, false, SmcKinds::patch),
    };

    /** True when {@code name} is the name of a row of {@link #ALL}. */
    static boolean exists(String name) {
        for (Kind k : ALL) {
            if (k.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static final int TOTAL = total(false);
    private static final int TOTAL_NESTABLE = total(true);

    private static int total(boolean nestableOnly) {
        int t = 0;
        for (Kind k : ALL) {
            t += nestableOnly && !k.nestable() ? 0 : k.weight();
        }
        return t;
    }

    /**
     * Generates one item on a copy of {@code model}; returns the finished context (its model is the state after
     * the item). Gives up after many refusals, which cannot happen in practice since MOV is always possible.
     */
    static Ctx item(Random rnd, Model model, int[] labels, boolean nestableOnly, Set<String> excluded) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Kind k = draw(rnd, nestableOnly);
            if (excluded.contains(k.name())) {
                continue;
            }
            Ctx c = new Ctx(rnd, model.copy(), labels, excluded);
            try {
                if (k.gen().generate(c)) {
                    return c;
                }
            } catch (IllegalStateException noRegisterLeft) {
                // every register is reserved by this item's setup: draw another item
            }
        }
        throw new IllegalStateException("no instruction kind applies");
    }

    /** The body a branch skips: a nestable item (no stack change), generated on a copy of the parent's model. */
    static Ctx nested(Ctx parent) {
        return item(parent.rnd, parent.m, parent.labelCounter, true, parent.excluded);
    }

    private static Kind draw(Random rnd, boolean nestableOnly) {
        int x = rnd.nextInt(nestableOnly ? TOTAL_NESTABLE : TOTAL);
        for (Kind k : ALL) {
            if (nestableOnly && !k.nestable()) {
                continue;
            }
            x -= k.weight();
            if (x < 0) {
                return k;
            }
        }
        throw new AssertionError();
    }
}
