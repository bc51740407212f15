"""boto3 (Debian's python3-boto3 under /usr/bin/python3) against a running Mediaflow store.

Runs the conformance operations in order and prints one JSON line per operation:
{"op": name, "ok": bool, "error": str}. Configuration comes from MF_ENDPOINT, MF_ACCESS_KEY, MF_SECRET_KEY,
MF_REGION, MF_BUCKET and MF_WORK (a scratch directory). Started by boto3.test.mjs.
"""
import hashlib
import json
import os
import sys
import traceback
import urllib.error
import urllib.request

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

ENDPOINT = os.environ["MF_ENDPOINT"]
BUCKET = os.environ["MF_BUCKET"]
WORK = os.environ["MF_WORK"]
SMALL = open(os.path.join(WORK, "small.txt"), "rb").read()
BIG_PATH = os.path.join(WORK, "big.bin")
LISTING = ["list/a.txt", "list/b.txt", "list/c.txt", "list/d/1.txt", "list/d/2.txt", "list/e/1.txt"]

s3 = boto3.client(
    "s3",
    endpoint_url=ENDPOINT,
    aws_access_key_id=os.environ["MF_ACCESS_KEY"],
    aws_secret_access_key=os.environ["MF_SECRET_KEY"],
    region_name=os.environ["MF_REGION"],
    # No retries: a conforming server needs none, and a failure then shows at once.
    config=Config(s3={"addressing_style": "path"}, signature_version="s3v4", retries={"max_attempts": 1}),
)


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def md5(data):
    return hashlib.md5(data).hexdigest()


def create_bucket():
    s3.create_bucket(Bucket=BUCKET)
    s3.head_bucket(Bucket=BUCKET)
    names = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    check(BUCKET in names, f"{BUCKET} not in {names}")


def put_object_metadata():
    put = s3.put_object(Bucket=BUCKET, Key="docs/small.txt", Body=SMALL, ContentType="text/plain; charset=utf-8",
                        Metadata={"origin": "boto3"}, ContentDisposition="attachment")
    check(put["ETag"] == f'"{md5(SMALL)}"', f"ETag {put['ETag']}")
    head = s3.head_object(Bucket=BUCKET, Key="docs/small.txt")
    check(head["ContentLength"] == len(SMALL), f"length {head['ContentLength']}")
    check(head["ContentType"] == "text/plain; charset=utf-8", f"type {head['ContentType']}")
    check(head["ContentDisposition"] == "attachment", f"disposition {head.get('ContentDisposition')}")
    check(head["Metadata"].get("origin") == "boto3", f"metadata {head['Metadata']}")


def get_object():
    res = s3.get_object(Bucket=BUCKET, Key="docs/small.txt")
    check(res["Body"].read() == SMALL, "body differs")
    check(res["ETag"] == f'"{md5(SMALL)}"', f"ETag {res['ETag']}")


def get_range():
    res = s3.get_object(Bucket=BUCKET, Key="docs/small.txt", Range="bytes=3-9")
    check(res["Body"].read() == SMALL[3:10], "range body differs")
    check(res["ContentRange"] == f"bytes 3-9/{len(SMALL)}", f"Content-Range {res['ContentRange']}")
    tail = s3.get_object(Bucket=BUCKET, Key="docs/small.txt", Range="bytes=-5")
    check(tail["Body"].read() == SMALL[-5:], "suffix range differs")
    try:
        s3.get_object(Bucket=BUCKET, Key="docs/small.txt", Range=f"bytes={len(SMALL) + 10}-")
        raise AssertionError("unsatisfiable range answered")
    except s3.exceptions.ClientError as e:
        check(e.response["ResponseMetadata"]["HTTPStatusCode"] == 416, f"status {e.response['ResponseMetadata']}")


def multipart_upload():
    five = 5 * 1024 * 1024
    s3.upload_file(BIG_PATH, BUCKET, "big/big.bin", Config=TransferConfig(multipart_threshold=five, multipart_chunksize=five))
    head = s3.head_object(Bucket=BUCKET, Key="big/big.bin")
    check(head["ETag"].endswith('-3"'), f"ETag {head['ETag']}")
    down = os.path.join(WORK, "big.down")
    s3.download_file(BUCKET, "big/big.bin", down)
    check(md5(open(down, "rb").read()) == md5(open(BIG_PATH, "rb").read()), "download differs")


def list_delimiter():
    for key in LISTING:
        s3.put_object(Bucket=BUCKET, Key=key, Body=SMALL)
    res = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/", Delimiter="/")
    keys = [c["Key"] for c in res["Contents"]]
    prefixes = [p["Prefix"] for p in res["CommonPrefixes"]]
    check(keys == ["list/a.txt", "list/b.txt", "list/c.txt"], f"keys {keys}")
    check(prefixes == ["list/d/", "list/e/"], f"prefixes {prefixes}")


def list_pagination():
    pages = list(s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix="list/", PaginationConfig={"PageSize": 2}))
    keys = [c["Key"] for p in pages for c in p.get("Contents", [])]
    check(keys == LISTING, f"v2 keys {keys}")
    check(len(pages) == 3, f"{len(pages)} v2 pages")
    v1 = list(s3.get_paginator("list_objects").paginate(Bucket=BUCKET, Prefix="list/", PaginationConfig={"PageSize": 4}))
    check([c["Key"] for p in v1 for c in p.get("Contents", [])] == LISTING, "v1 keys differ")
    after = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/", StartAfter="list/c.txt")
    check([c["Key"] for c in after["Contents"]] == LISTING[3:], "start-after differs")


def copy_object():
    s3.copy_object(Bucket=BUCKET, Key="copies/small.txt", CopySource={"Bucket": BUCKET, "Key": "docs/small.txt"})
    res = s3.get_object(Bucket=BUCKET, Key="copies/small.txt")
    check(res["Body"].read() == SMALL, "copy body differs")
    check(res["Metadata"].get("origin") == "boto3", f"metadata {res['Metadata']}")
    s3.copy_object(Bucket=BUCKET, Key="copies/replaced.txt", CopySource={"Bucket": BUCKET, "Key": "docs/small.txt"},
                   MetadataDirective="REPLACE", Metadata={"origin": "replaced"}, ContentType="application/x-test")
    head = s3.head_object(Bucket=BUCKET, Key="copies/replaced.txt")
    check(head["Metadata"] == {"origin": "replaced"} and head["ContentType"] == "application/x-test", f"replace {head}")


def delete_objects():
    res = s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": "list/a.txt"}, {"Key": "list/d/1.txt"}]})
    check(sorted(d["Key"] for d in res["Deleted"]) == ["list/a.txt", "list/d/1.txt"], f"deleted {res.get('Deleted')}")
    left = [c["Key"] for c in s3.list_objects_v2(Bucket=BUCKET, Prefix="list/")["Contents"]]
    check(left == ["list/b.txt", "list/c.txt", "list/d/2.txt", "list/e/1.txt"], f"left {left}")
    quiet = s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": "list/b.txt"}], "Quiet": True})
    check(not quiet.get("Deleted"), f"quiet mode listed {quiet.get('Deleted')}")


def presigned_get():
    url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "docs/small.txt"}, ExpiresIn=600)
    with urllib.request.urlopen(url) as res:
        check(res.status == 200 and res.read() == SMALL, "presigned body differs")
    try:
        urllib.request.urlopen(url.replace("docs/small.txt", "big/big.bin"))
        raise AssertionError("a URL signed for another key was accepted")
    except urllib.error.HTTPError as e:
        check(e.code == 403, f"tampered URL answered {e.code}")


def delete_object():
    s3.delete_object(Bucket=BUCKET, Key="docs/small.txt")
    try:
        s3.head_object(Bucket=BUCKET, Key="docs/small.txt")
        raise AssertionError("object still there")
    except s3.exceptions.ClientError as e:
        check(e.response["Error"]["Code"] in ("404", "NoSuchKey"), f"error {e.response['Error']}")


def delete_bucket():
    try:
        s3.delete_bucket(Bucket=BUCKET)
        raise AssertionError("non-empty bucket deleted")
    except s3.exceptions.ClientError as e:
        check(e.response["Error"]["Code"] == "BucketNotEmpty", f"error {e.response['Error']}")
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for c in page.get("Contents", []):
            s3.delete_object(Bucket=BUCKET, Key=c["Key"])
    s3.delete_bucket(Bucket=BUCKET)


OPERATIONS = [
    ("create-bucket", create_bucket),
    ("put-object-metadata", put_object_metadata),
    ("get-object", get_object),
    ("get-range", get_range),
    ("multipart-upload", multipart_upload),
    ("list-delimiter", list_delimiter),
    ("list-pagination", list_pagination),
    ("copy-object", copy_object),
    ("delete-objects", delete_objects),
    ("presigned-get", presigned_get),
    ("delete-object", delete_object),
    ("delete-bucket", delete_bucket),
]

for name, operation in OPERATIONS:
    try:
        operation()
        print(json.dumps({"op": name, "ok": True}), flush=True)
    except Exception as e:  # every failure is reported and the next operation still runs
        print(json.dumps({"op": name, "ok": False, "error": f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}"}), flush=True)
sys.exit(0)
