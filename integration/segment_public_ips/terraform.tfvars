segment   = "mynumber"
public_ip = true
