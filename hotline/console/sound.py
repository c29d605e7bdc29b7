"""The critical-call alert sound: a short two-tone WAV made here, so the console needs nothing from outside."""

import math
from pathlib import Path
import struct
import wave

ALERT_WAV = Path(__file__).resolve().parent.parent / "static" / "alert.wav"
RATE = 16000
TONES = ((880, 0.18), (0, 0.05), (660, 0.18), (0, 0.05), (880, 0.18), (0, 0.05), (660, 0.18))


def samples() -> bytes:
    """16-bit mono samples of the alternating tones, each faded in and out to avoid clicks."""
    out = bytearray()
    for frequency, seconds in TONES:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 200)
            value = 0.6 * fade * math.sin(2 * math.pi * frequency * i / RATE) if frequency else 0.0
            out += struct.pack("<h", int(value * 32767))
    return bytes(out)


def write(path: Path = ALERT_WAV) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples())
    return path


if __name__ == "__main__":
    print(write())
