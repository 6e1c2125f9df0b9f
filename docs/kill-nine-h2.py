#!/usr/bin/env python3
# Measures how many acknowledged instance starts a kill -9 loses for given H2 URL options.
# Usage (after mvn package): python3 docs/kill-nine-h2.py ''   and   python3 docs/kill-nine-h2.py 'WRITE_DELAY=0;LOCK_TIMEOUT=10000'
import subprocess, sys, time, json, threading, urllib.request, base64, os, shutil, tempfile
jar=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'target', 'baton.jar')
opts=sys.argv[1]  # H2 URL options
data=tempfile.mkdtemp(prefix='wd-')
port=18099
auth='Basic '+base64.b64encode(b'demo:demo').decode()
def start():
    url=f'jdbc:h2:file:{data}/baton;{opts}' if opts else f'jdbc:h2:file:{data}/baton'
    return subprocess.Popen(['java','-Xmx512m','-jar',jar,f'--server.port={port}',f'--spring.datasource.url={url}','--baton.engine.security.demo-user=true','--baton.engine.demo.enabled=true'],stdout=open(os.path.join(tempfile.gettempdir(), 'kill-nine-h2.log'),'a'),stderr=subprocess.STDOUT)
def req(method,path,body=None):
    r=urllib.request.Request(f'http://127.0.0.1:{port}{path}',method=method,data=json.dumps(body).encode() if body is not None else None,headers={'Authorization':auth,'Content-Type':'application/json'})
    with urllib.request.urlopen(r,timeout=10) as resp: return resp.status, json.loads(resp.read() or b'null')
def wait_up():
    for _ in range(240):
        try:
            if urllib.request.urlopen(f'http://127.0.0.1:{port}/actuator/health',timeout=2).status==200: return
        except Exception: time.sleep(0.5)
    raise SystemExit('not up')
p=start(); wait_up()
acked=[]; lock=threading.Lock(); stop=False
def caller(n):
    i=0
    while not stop:
        try:
            s,b=req('POST','/api/processes/order-fulfillment/instances',{'businessKey':f'k{n}-{i}','variables':{'amount':10}})
            with lock: acked.append(b['id'])
        except Exception: return
        i+=1
ts=[threading.Thread(target=caller,args=(n,)) for n in range(6)]
[t.start() for t in ts]
while len(acked)<500: time.sleep(0.01)
p.kill(); p.wait(); stop=True
[t.join() for t in ts]
p=start(); wait_up()
lost=0
for i in acked:
    try: req('GET',f'/api/instances/{i}')
    except urllib.error.HTTPError as e:
        if e.code==404: lost+=1
print(f'options="{opts}": acknowledged={len(acked)} lost={lost}')
p.terminate(); p.wait(); shutil.rmtree(data)
