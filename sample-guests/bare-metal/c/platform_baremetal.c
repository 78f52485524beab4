/*
 * platform_baremetal.c: runs a sample program as a multiboot kernel (see multiboot.S).
 *
 * Output goes to COM1, a 16550 UART at I/O port 0x3F8. The program ends by writing its exit code to
 * the debug-exit port 0xF4 (QEMU: -device isa-debug-exit,iobase=0xf4,iosize=0x04), which stops QEMU
 * or Xenoscope with status (code << 1) | 1. On a machine without that device the write is ignored
 * and the CPU halts with interrupts off (Xenoscope: status 0).
 */
#include "platform.h"

enum {
    COM1 = 0x3F8,
    UART_THR = 0,       /* transmit holding register (DLAB = 0) */
    UART_DLL = 0,       /* divisor latch, low byte (DLAB = 1) */
    UART_IER = 1,       /* interrupt enable (DLAB = 0) */
    UART_DLM = 1,       /* divisor latch, high byte (DLAB = 1) */
    UART_FCR = 2,       /* FIFO control */
    UART_LCR = 3,       /* line control; bit 7 = DLAB */
    UART_MCR = 4,       /* modem control */
    UART_LSR = 5,       /* line status; bit 5 = THRE */
    LSR_THRE = 0x20,
    DEBUG_EXIT = 0xF4
};

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

/* Called by multiboot.S before main: COM1 at 115200 baud, 8N1, FIFOs on, no interrupts. */
void uart_init(void)
{
    outb(COM1 + UART_IER, 0x00);
    outb(COM1 + UART_LCR, 0x80);
    outb(COM1 + UART_DLL, 0x01);
    outb(COM1 + UART_DLM, 0x00);
    outb(COM1 + UART_LCR, 0x03);
    outb(COM1 + UART_FCR, 0xC7);
    outb(COM1 + UART_MCR, 0x03);
}

/* Waits until the transmitter can take a byte, then sends c. */
void putchar_(char c)
{
    while ((inb(COM1 + UART_LSR) & LSR_THRE) == 0) {
    }
    outb(COM1 + UART_THR, (uint8_t)c);
}

/* Debug exit with code c; halts forever if nothing listens on port 0xF4. */
void exit_(int c)
{
    outb(DEBUG_EXIT, (uint8_t)c);
    for (;;) {
        __asm__ volatile("cli; hlt");
    }
}
