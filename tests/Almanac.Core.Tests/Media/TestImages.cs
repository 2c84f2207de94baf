using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Almanac.Core.Tests.Media;

/// <summary>Image files made byte by byte for the tests: real encodings, hand-written metadata, lying headers.</summary>
internal static class TestImages
{
    /// <summary>A marker written into the EXIF description; it must never reach a stored variant.</summary>
    public const string SecretMarker = "SECRET-PLACE-52N13E";

    /// <summary>The GPS latitude rationals carry these numerators (52° 31′ 12″), easy to look for.</summary>
    public static readonly byte[] LatitudeBytes = [0x34, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00];

    /// <summary>Left half red, right half blue, so a turn or a mirror shows.</summary>
    public static SKBitmap TwoColours(int width, int height, bool transparentRight = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparentRight ? SKColors.Transparent : SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }

    /// <summary>Random pixels: they do not compress, so an encoded file is large enough to cut in half meaningfully.</summary>
    public static SKBitmap Noise(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(42);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (int i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = TwoColours(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>A JPEG with an APP1 EXIF segment written by hand: orientation, a description and a GPS position.</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation)
    {
        using var bitmap = TwoColours(width, height);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var app1 = ExifSegment(orientation);

        // SOI, then our APP1, then the rest of the encoder's file.
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static byte[] ExifSegment(ushort orientation)
    {
        // Little-endian TIFF: header (8), IFD0 with 3 entries (2 + 36 + 4 = 42), the description text,
        // then the GPS IFD with 2 entries (2 + 24 + 4 = 30) and its latitude rationals (24).
        var description = Encoding.ASCII.GetBytes(SecretMarker + "\0");
        int ifd0 = 8;
        int descriptionOffset = ifd0 + 42;
        int gpsIfd = descriptionOffset + description.Length;
        int latitudeOffset = gpsIfd + 30;
        var tiff = new byte[latitudeOffset + 24];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)ifd0);

        BinaryPrimitives.WriteUInt16LittleEndian(span[ifd0..], 3);
        Entry(span[(ifd0 + 2)..], 0x010E, 2, (uint)description.Length, (uint)descriptionOffset); // ImageDescription
        Entry(span[(ifd0 + 14)..], 0x0112, 3, 1, orientation);                                    // Orientation
        Entry(span[(ifd0 + 26)..], 0x8825, 4, 1, (uint)gpsIfd);                                    // GPS IFD pointer
        BinaryPrimitives.WriteUInt32LittleEndian(span[(ifd0 + 38)..], 0);
        description.CopyTo(span[descriptionOffset..]);

        BinaryPrimitives.WriteUInt16LittleEndian(span[gpsIfd..], 2);
        Entry(span[(gpsIfd + 2)..], 0x0001, 2, 2, 'N');                          // GPSLatitudeRef "N"
        Entry(span[(gpsIfd + 14)..], 0x0002, 5, 3, (uint)latitudeOffset);        // GPSLatitude
        BinaryPrimitives.WriteUInt32LittleEndian(span[(gpsIfd + 26)..], 0);
        LatitudeBytes.CopyTo(span[latitudeOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(latitudeOffset + 12)..], 12);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(latitudeOffset + 16)..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(latitudeOffset + 20)..], 1);

        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    /// <summary>
    /// A small PNG whose header claims <paramref name="width"/> × <paramref name="height"/>: a valid
    /// IHDR (with its CRC), one tiny IDAT and IEND. A decoder that trusted it would need gigabytes.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 6;  // RGBA
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(output, "IHDR", ihdr);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        output.Write(header);
        output.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header[4..], .. data]));
        output.Write(crc);
    }

    /// <summary>CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320), bit by bit.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The markers of a JPEG's header segments, up to the start of the scan.</summary>
    public static List<byte> JpegMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        int i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            byte marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        return markers;
    }

    /// <summary>A stream that never ends, to show an upload is read only up to its limit.</summary>
    public sealed class Endless : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(0xFF);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
