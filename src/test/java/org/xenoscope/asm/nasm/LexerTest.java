package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenoscope.asm.nasm.Token.Kind;

class LexerTest {
    private static final SourceFile F = new SourceFile("t.asm", null, List.of());

    private static List<Token> lex(String s) {
        return Lexer.lex(F, 1, s);
    }

    @Test
    void splitsALineIntoTokensWithColumns() {
        List<Token> t = lex("start:  mov eax, [ebx+4] ; comment");
        assertThat(t).extracting(Token::source).containsExactly("start", ":", "mov", "eax", ",", "[", "ebx", "+",
            "4", "]");
        assertThat(t).extracting(x -> x.pos().col()).containsExactly(1, 6, 9, 13, 16, 18, 19, 22, 23, 24);
        assertThat(t.get(8).kind()).isEqualTo(Kind.NUMBER);
    }

    @ParameterizedTest
    @CsvSource({"0x1f,31", "1fh,31", "0b101,5", "101b,5", "0o17,15", "17q,15", "17o,15", "10d,10", "0d12,12",
        "1_000,1000", "0h1f,31", "$1f,31", "0y11,3", "11y,3", "0t99,99", "99t,99", "0bh,11", "0dh,13",
        "1e3h,483", "0bah,186", "0x1b,27", "0FFFFFFFFh,4294967295", "0xFFFFFFFFFFFFFFFF,-1", "0x,0", "1x,1"})
    void readsNumbersInEveryNasmRadixForm(String text, long value) {
        List<Token> t = lex(text);
        assertThat(t).hasSize(1);
        assertThat(t.get(0).kind()).isEqualTo(Kind.NUMBER);
        assertThat(t.get(0).num()).isEqualTo(value);
    }

    @Test
    void badNumbersAreBadTokensNotExceptions() {
        Token t = lex("12z").get(0);
        assertThat(t.kind()).isEqualTo(Kind.BAD);
        assertThat(t.error()).isEqualTo("invalid number `12z'");
        assertThat(lex("0b102").get(0).kind()).isEqualTo(Kind.BAD);
        assertThatThrownBy(() -> Numbers.parseInt("0o8")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void floatsAreSeparateTokens() {
        assertThat(lex("1.5").get(0).kind()).isEqualTo(Kind.FLOAT);
        assertThat(lex("2.0e-3").get(0).text()).isEqualTo("2.0e-3");
        assertThat(lex("1e3").get(0).kind()).isEqualTo(Kind.FLOAT);
        assertThat(Numbers.floatBits("1.5", false, 4)).isEqualTo(0x3FC00000L);
        assertThat(Numbers.floatBits("20", true, 8)).isEqualTo(Double.doubleToLongBits(-20.0));
    }

    @Test
    void stringsQuotedThreeWays() {
        assertThat(str("'a\\n'")).isEqualTo("a\\n");
        assertThat(str("\"it's\"")).isEqualTo("it's");
        assertThat(str("`a\\tb\\x41\\101\\e\\0`")).isEqualTo("a\tbAA\u001b\0");
        assertThat(lex("`\\u00e9`").get(0).bytes()).containsExactly(0xC3, 0xA9);
        Token bad = lex("db 'oops").get(1);
        assertThat(bad.kind()).isEqualTo(Kind.BAD);
        assertThat(bad.error()).contains("unterminated string");
    }

    private static String str(String s) {
        Token t = lex(s).get(0);
        assertThat(t.kind()).isEqualTo(Kind.STRING);
        return new String(t.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void semicolonInAStringDoesNotStartAComment() {
        assertThat(lex("db ';', 1 ; real")).extracting(Token::source).containsExactly("db", "';'", ",", "1");
    }

    @Test
    void percentTokens() {
        List<Token> t = lex("%define x %1 %%loop %0 10 %% 3 10%4 %+");
        assertThat(t).extracting(Token::kind).containsExactly(Kind.PP, Kind.IDENT, Kind.PARAM, Kind.LOCAL,
            Kind.PARAM, Kind.NUMBER, Kind.OP, Kind.NUMBER, Kind.NUMBER, Kind.PARAM, Kind.PP);
        assertThat(t.get(0).text()).isEqualTo("define");
        assertThat(t.get(3).text()).isEqualTo("loop");
    }

    @Test
    void identifiersDollarsAndOperators() {
        List<Token> t = lex("$eax $ $$ ..@1.x .local a<<2 b>=c d//e");
        assertThat(t.get(0).escaped()).isTrue();
        assertThat(t.get(0).text()).isEqualTo("eax");
        assertThat(t).extracting(Token::source).containsExactly("$eax", "$", "$$", "..@1.x", ".local", "a", "<<",
            "2", "b", ">=", "c", "d", "//", "e");
        assertThat(lex("\u0001").get(0).kind()).isEqualTo(Kind.BAD);
    }
}
