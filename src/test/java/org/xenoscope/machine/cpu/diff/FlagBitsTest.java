package org.xenoscope.machine.cpu.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.diff.FlagBits.AF;
import static org.xenoscope.machine.cpu.diff.FlagBits.CF;
import static org.xenoscope.machine.cpu.diff.FlagBits.OF;
import static org.xenoscope.machine.cpu.diff.FlagBits.SZP;
import static org.xenoscope.machine.cpu.diff.FlagBits.ZF;

import org.junit.jupiter.api.Test;

/** The flag model follows reference/x86-flags.md, including its edge cases. */
class FlagBitsTest {

    @Test
    void shiftsByZeroChangeNothingAndOfIsDefinedOnlyForOne() {
        assertThat(FlagBits.shift(false, 0, 32)).isEqualTo(FlagBits.Effect.NONE);
        assertThat(FlagBits.shift(false, 1, 32).defined()).isEqualTo(SZP | CF | OF);
        assertThat(FlagBits.shift(true, 5, 32)).isEqualTo(new FlagBits.Effect(SZP | CF, AF | OF));
    }

    @Test
    void shlShrByTheWidthOrMoreLeaveCfUndefinedButSarDoesNot() {
        assertThat(FlagBits.shift(false, 8, 8).undefined() & CF).isEqualTo(CF);
        assertThat(FlagBits.shift(false, 31, 16).undefined() & CF).isEqualTo(CF);
        assertThat(FlagBits.shift(false, 15, 16).defined() & CF).isEqualTo(CF);
        assertThat(FlagBits.shift(true, 20, 8).defined() & CF).isEqualTo(CF);
    }

    @Test
    void rotatesDefineCfEvenForMultiplesOfTheWidth() {
        assertThat(FlagBits.rotate(8)).isEqualTo(new FlagBits.Effect(CF, OF));
        assertThat(FlagBits.rotate(1)).isEqualTo(new FlagBits.Effect(CF | OF, 0));
        assertThat(FlagBits.rotate(0)).isEqualTo(FlagBits.Effect.NONE);
    }

    @Test
    void undefinedFlagsStayUndefinedUntilDefined() {
        Model m = new Model();
        m.apply(FlagBits.Effect.MULTIPLY);
        assertThat(m.canRead(ZF)).isFalse();
        m.apply(FlagBits.Effect.BIT_TEST);
        assertThat(m.canRead(ZF)).as("BT leaves ZF alone").isFalse();
        m.apply(FlagBits.Effect.INC_DEC);
        assertThat(m.canRead(ZF | CF)).isTrue();
        m.apply(FlagBits.Effect.LOGIC);
        assertThat(m.undefined).isEqualTo(AF);
    }

    @Test
    void conditionCodesReadTheirFlags() {
        assertThat(FlagBits.readBy(0x7)).as("A").isEqualTo(CF | ZF);
        assertThat(FlagBits.readBy(0xC)).as("L").isEqualTo(FlagBits.SF | OF);
        assertThat(FlagBits.CC[0xF]).isEqualTo("g");
    }
}
