"""Synthesise the short UI sounds in resources/sounds/ (kept in git; re-run only to change them).

Pure tones with soft attack and exponential decay, so they sound like a desk bell rather than a
beep, and stay pleasant when a queue of 60 people is scanned in a row.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(notes: list[tuple[float, float, float]], length: float, volume: float = 0.5) -> bytes:
    """Mix (frequency Hz, start s, decay s) bell partials into 16-bit mono PCM."""
    frames = []
    for i in range(int(RATE * length)):
        t = i / RATE
        sample = 0.0
        for freq, start, decay in notes:
            if t < start:
                continue
            local = t - start
            attack = min(1.0, local / 0.005)
            envelope = attack * math.exp(-local / decay)
            sample += envelope * (math.sin(2 * math.pi * freq * local) + 0.25 * math.sin(4 * math.pi * freq * local))
        fade_out = min(1.0, (length - t) / 0.02)
        frames.append(int(max(-1.0, min(1.0, sample * volume / 1.25 * fade_out)) * 32767))
    return struct.pack(f"<{len(frames)}h", *frames)


def write(name: str, pcm: bytes) -> None:
    with wave.open(str(OUT / name), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(pcm)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    # Checked in: a rising major third, bright and short.
    write("checkin-ok.wav", tone([(880.0, 0.0, 0.12), (1108.7, 0.09, 0.18)], 0.45))
    # Needs attention (unknown code, already checked in): two low soft knocks.
    write("checkin-attention.wav", tone([(330.0, 0.0, 0.07), (330.0, 0.16, 0.07)], 0.4, volume=0.6))
    # Round chimes for flash rotations: one minute left (two notes), time is up (three notes).
    write("chime-one-minute.wav", tone([(659.3, 0.0, 0.5), (880.0, 0.35, 0.7)], 1.6))
    write("chime-end.wav", tone([(880.0, 0.0, 0.6), (698.5, 0.35, 0.6), (523.3, 0.7, 1.0)], 2.4))


if __name__ == "__main__":
    main()
