; timer.asm: hardware interrupts on the bare machine: the 8254 timer through the 8259 interrupt controller
; into an IDT gate.
;
; The kernel builds an IDT whose vector 0x20 is a 32-bit interrupt gate, remaps the master PIC so that IRQ 0
; arrives as vector 0x20 (slave at 0x28, everything but IRQ 0 masked), programs PIT channel 0 as a 100 Hz rate
; generator (mode 2, divisor 11932), then sleeps with `sti; hlt` until the handler has counted ten ticks. Each
; wake-up prints a dot. The handler acknowledges each interrupt with a non-specific EOI. At the end it checks
; that the handler ran with interrupts disabled (an interrupt gate clears IF) and exits through the debug-exit
; port with the tick count: status (10<<1)|1 = 21.
;
; Under Xenoscope the timer runs on virtual time, so every run takes exactly the same number of cycles;
; under QEMU it runs on the host clock. The output is the same on both.
;
; expect-output: ..........
; expect-output: 10 timer interrupts; handler ran with IF=0
; expect-exit: 21
; max-instructions: 2000000000

MB_MAGIC    equ 0x1BADB002
MB_FLAGS    equ 0x00000003
COM1        equ 0x3F8
DEBUG_EXIT  equ 0xF4
PIC1        equ 0x20                ; master 8259: command port, data port = PIC1 + 1
PIC2        equ 0xA0                ; slave 8259
PIT_CH0     equ 0x40
PIT_CMD     equ 0x43
IRQ0_VECTOR equ 0x20
TICKS       equ 10

section .multiboot
align 4
    dd MB_MAGIC
    dd MB_FLAGS
    dd -(MB_MAGIC + MB_FLAGS)

section .bss
align 16
stack:      resb 4096
stack_top:
idt:        resb 8 * 256
ticks:      resd 1
if_in_handler: resd 1

section .rodata
done_msg:   db " timer interrupts; handler ran with IF=", 0
hexdigits:  db "0123456789ABCDEF"
idtr:       dw 8 * 256 - 1
            dd idt

section .text
global _start
_start:
    mov esp, stack_top
    call uart_init
    call set_gate
    lidt [idtr]
    call pic_remap
    call pit_start
.sleep:
    sti
    hlt                             ; wakes on the next interrupt
    cli
    mov al, '.'
    call putc
    cmp dword [ticks], TICKS
    jb .sleep
    mov al, 10
    call putc
    mov eax, [ticks]
    call putdec2
    mov esi, done_msg
    call puts
    mov eax, [if_in_handler]
    add al, '0'
    call putc
    mov al, 10
    call putc
    mov eax, [ticks]
    out DEBUG_EXIT, al              ; status (ticks << 1) | 1
.halt:
    cli
    hlt
    jmp .halt

; set_gate: IDT[0x20] = 32-bit interrupt gate (type 0xE, DPL 0, present) to timer_isr in our code segment.
set_gate:
    mov eax, timer_isr
    mov edi, idt + 8 * IRQ0_VECTOR
    mov [edi], ax                   ; offset 15:0
    mov word [edi + 2], cs          ; segment selector
    mov word [edi + 4], 0x8E00      ; P=1 DPL=0 type=0xE (32-bit interrupt gate)
    shr eax, 16
    mov [edi + 6], ax               ; offset 31:16
    ret

; pic_remap: ICW1..ICW4 to both 8259s (IRQ 0-7 -> 0x20-0x27, IRQ 8-15 -> 0x28-0x2F), then mask all but IRQ 0.
pic_remap:
    mov al, 0x11                    ; ICW1: edge triggered, cascade, ICW4 follows
    out PIC1, al
    out PIC2, al
    mov al, IRQ0_VECTOR             ; ICW2: vector offsets
    out PIC1 + 1, al
    mov al, IRQ0_VECTOR + 8
    out PIC2 + 1, al
    mov al, 4                       ; ICW3: slave on IR2 (master), cascade identity 2 (slave)
    out PIC1 + 1, al
    mov al, 2
    out PIC2 + 1, al
    mov al, 1                       ; ICW4: 8086 mode
    out PIC1 + 1, al
    out PIC2 + 1, al
    mov al, 0xFE                    ; OCW1: only IRQ 0 unmasked
    out PIC1 + 1, al
    mov al, 0xFF
    out PIC2 + 1, al
    ret

; pit_start: channel 0, lobyte/hibyte, mode 2 (rate generator), divisor 11932 (1193182 Hz / 11932 = 100 Hz).
pit_start:
    mov al, 0x34
    out PIT_CMD, al
    mov ax, 11932
    out PIT_CH0, al
    mov al, ah
    out PIT_CH0, al
    ret

; timer_isr: count the tick, remember IF as the handler saw it (0: an interrupt gate clears it), EOI, return.
timer_isr:
    push eax
    pushfd
    pop eax
    shr eax, 9                      ; EFLAGS.IF is bit 9
    and eax, 1
    mov [if_in_handler], eax
    inc dword [ticks]
    mov al, 0x20                    ; OCW2: non-specific EOI
    out PIC1, al
    pop eax
    iret

; putdec2: send EAX (0..99) as decimal without leading zero. Clobbers EAX, EDX, ECX.
putdec2:
    xor edx, edx
    mov ecx, 10
    div ecx
    test eax, eax
    jz .units
    add al, '0'
    call putc
.units:
    mov al, dl
    add al, '0'
    call putc
    ret

%include "serial.inc"
