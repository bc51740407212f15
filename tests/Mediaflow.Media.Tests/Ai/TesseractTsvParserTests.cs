using Mediaflow.Media.Ai;
using Mediaflow.Media.Tests.Support;

namespace Mediaflow.Media.Tests.Ai;

public sealed class TesseractTsvParserTests
{
    [Fact]
    public void Parse_CapturedTsvOfEightFrames_WordsWithPageBoxAndConfidence()
    {
        var words = TesseractTsvParser.Parse(TestDataFiles.Read("Ai/tesseract-hello-ocr.tsv"));

        // "HELLO OCR" was burned in from 1.0 s to 2.5 s; frames sampled at 2 fps are pages 3, 4, 5 (1.0, 1.5, 2.0 s).
        Assert.Equal([3, 3, 4, 4, 5, 5], words.Select(w => w.Page));
        Assert.Equal(["HELLO", "OCR"], words.Where(w => w.Page == 3).Select(w => w.Text));
        var hello = words[0];
        Assert.Equal((104, 150, 169, 37), (hello.Left, hello.Top, hello.Width, hello.Height));
        Assert.Equal(96.748726, hello.Confidence, 5);
        Assert.Equal(words[0].LineKey with { Page = 3 }, words[1].LineKey);
    }

    [Fact]
    public void Parse_HeaderBlockRowsAndEmptyText_Skipped()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0\t0\t640\t360\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t10\t10\t5\t5\t95\t \n"
            + "5\t1\t1\t1\t1\t2\t20\t10\t5\t5\t-1\tX\n";

        Assert.Empty(TesseractTsvParser.Parse(tsv));
    }
}
